//! "Online Application Procedures" search (SPEC §5.1): every keyword must match, in the names,
//! explanations and keywords of Japanese, of the user's language and of English; full-width and half-width
//! forms and letter case are folded; with "Search for Synonyms" a keyword also matches the other
//! words of its synonym group.

use super::model::{Catalogue, Procedure, Reception};
use zairyu_domain::text::fold_width;

/// Width- and case-folded text for matching.
pub fn fold(s: &str) -> String {
    fold_width(s).to_lowercase()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The catalogue's own order.
    #[default]
    Default,
    StartNewest,
    StartOldest,
    NameAsc,
}

impl Sort {
    pub const ALL: [Sort; 4] = [
        Sort::Default,
        Sort::StartNewest,
        Sort::StartOldest,
        Sort::NameAsc,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Default => "default",
            Sort::StartNewest => "start-desc",
            Sort::StartOldest => "start-asc",
            Sort::NameAsc => "name",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Sort::Default => "sort-default",
            Sort::StartNewest => "sort-start-desc",
            Sort::StartOldest => "sort-start-asc",
            Sort::NameAsc => "sort-name",
        }
    }

    pub fn from_code(s: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|x| x.code() == s)
            .unwrap_or_default()
    }
}

/// Items per page offered (SPEC §5.1).
pub const PAGE_SIZES: [usize; 4] = [10, 20, 50, 100];

#[derive(Debug, Clone)]
pub struct SearchQuery {
    pub keywords: String,
    pub synonyms: bool,
    pub sort: Sort,
    pub per_page: usize,
    /// 1-based.
    pub page: usize,
    pub lang: String,
}

#[derive(Debug, Clone)]
pub struct SearchResult<'a> {
    pub items: Vec<&'a Procedure>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
}

impl Catalogue {
    /// Whether a folded keyword occurs in the texts searched for this user: Japanese
    /// (authoritative), the user's language, and English, which many users type whatever language
    /// their screen is in (a language without its own text is read in English).
    fn contains(p: &Procedure, lang: &str, word: &str) -> bool {
        ["ja", lang, "en"].iter().any(|l| {
            p.search_text
                .get(*l)
                .or_else(|| p.search_text.get("en"))
                .is_some_and(|t| t.contains(word))
        })
    }

    /// The synonym groups a keyword belongs to.
    fn groups_of(&self, keyword: &str) -> Vec<usize> {
        self.synonyms
            .iter()
            .enumerate()
            .filter(|(_, g)| g.iter().any(|w| w == keyword))
            .map(|(i, _)| i)
            .collect()
    }

    /// The procedures open for reception that match, sorted and paged.
    pub fn search(&self, q: &SearchQuery, now: i64) -> SearchResult<'_> {
        let keywords: Vec<String> = fold(&q.keywords)
            .split_whitespace()
            .map(str::to_owned)
            .take(20)
            .collect();
        let groups: Vec<Vec<usize>> = keywords
            .iter()
            .map(|k| {
                if q.synonyms {
                    self.groups_of(k)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut items: Vec<&Procedure> = self
            .procedures
            .iter()
            .filter(|p| p.reception(now) == Reception::Open)
            .filter(|p| {
                keywords.iter().zip(&groups).all(|(w, gs)| {
                    Self::contains(p, &q.lang, w) || gs.iter().any(|g| p.synonym_groups.contains(g))
                })
            })
            .collect();
        match q.sort {
            Sort::Default => {}
            Sort::StartNewest => {
                items.sort_by(|a, b| b.period().0.cmp(&a.period().0).then(a.order.cmp(&b.order)))
            }
            Sort::StartOldest => {
                items.sort_by(|a, b| a.period().0.cmp(&b.period().0).then(a.order.cmp(&b.order)))
            }
            Sort::NameAsc => items.sort_by(|a, b| a.name.get(&q.lang).cmp(b.name.get(&q.lang))),
        }
        let per_page = if PAGE_SIZES.contains(&q.per_page) {
            q.per_page
        } else {
            PAGE_SIZES[0]
        };
        let total = items.len();
        let pages = total.div_ceil(per_page).max(1);
        let page = q.page.clamp(1, pages);
        let items = items
            .into_iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .collect();
        SearchResult {
            items,
            total,
            page,
            pages,
            per_page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proc(id: &str, order: i64, ja: &str, en: &str, start: i64) -> String {
        format!(
            "id = \"{id}\"\nsystem = \"ens\"\ncategory = \"notification\"\norder = {order}\nname = {{ ja = \"{ja}\", en = \"{en}\" }}\n\
             explanation = {{ ja = \"{ja}の説明\", en = \"About {en}\" }}\ncontact = {{ ja = \"窓口\", en = \"Desk\" }}\n\
             reception_start = \"{start}\"\nuser_types = [\"foreign_national\"]\nform_versions = [1]\n"
        )
    }

    fn catalogue() -> Catalogue {
        let a = proc(
            "a",
            1,
            "配偶者に関する届出",
            "Notification regarding spouse",
            2020,
        );
        let b = proc(
            "b",
            2,
            "所属機関に関する届出",
            "Notification of the organization",
            2021,
        );
        let c = proc("c", 3, "ＣＯＥ交付申請", "Certificate of Eligibility", 2022);
        let fix = |s: String, y: i64| {
            s.replace(
                &format!("\"{y}\""),
                &format!("\"{y}-01-01T00:00:00+09:00\""),
            )
        };
        let files = [fix(a, 2020), fix(b, 2021), fix(c, 2022)];
        let pairs: Vec<(&str, &str)> = vec![
            ("a", files[0].as_str()),
            ("b", files[1].as_str()),
            ("c", files[2].as_str()),
        ];
        Catalogue::parse(
            &pairs,
            "groups = [[\"spouse\", \"配偶者\", \"husband\", \"wife\"]]",
        )
        .unwrap()
    }

    fn q(words: &str, synonyms: bool) -> SearchQuery {
        SearchQuery {
            keywords: words.into(),
            synonyms,
            sort: Sort::Default,
            per_page: 10,
            page: 1,
            lang: "en".into(),
        }
    }

    const NOW: i64 = 1_900_000_000_000;

    #[test]
    fn all_keywords_must_match() {
        let c = catalogue();
        assert_eq!(c.search(&q("notification", false), NOW).total, 2);
        assert_eq!(c.search(&q("notification spouse", false), NOW).total, 1);
        assert_eq!(c.search(&q("notification nothing", false), NOW).total, 0);
        assert_eq!(c.search(&q("", false), NOW).total, 3);
    }

    #[test]
    fn width_and_case_are_folded() {
        let c = catalogue();
        assert_eq!(c.search(&q("coe", false), NOW).total, 1);
        assert_eq!(
            c.search(&q("ＮＯＴＩＦＩＣＡＴＩＯＮ", false), NOW).total,
            2
        );
        assert_eq!(
            c.search(&q("届出　配偶者", false), NOW).total,
            1,
            "ideographic space separates"
        );
    }

    #[test]
    fn synonyms_widen_a_keyword() {
        let c = catalogue();
        assert_eq!(c.search(&q("wife", false), NOW).total, 0);
        assert_eq!(c.search(&q("wife", true), NOW).total, 1);
        assert_eq!(c.search(&q("WIFE notification", true), NOW).total, 1);
    }

    #[test]
    fn closed_and_future_procedures_are_not_offered() {
        let c = catalogue();
        let before_b = c.get("b").unwrap().reception_start - 1;
        let r = c.search(&q("", false), before_b);
        assert_eq!(
            r.items.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            vec!["a"]
        );
    }

    #[test]
    fn sorting_and_paging() {
        let c = catalogue();
        let mut query = q("", false);
        query.sort = Sort::StartNewest;
        let ids: Vec<&str> = c
            .search(&query, NOW)
            .items
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids, vec!["c", "b", "a"]);
        query.sort = Sort::NameAsc;
        let ids: Vec<&str> = c
            .search(&query, NOW)
            .items
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids, vec!["c", "b", "a"]);
        query.per_page = 7; // not offered: falls back to 10
        assert_eq!(c.search(&query, NOW).per_page, 10);
        query.page = 99;
        assert_eq!(c.search(&query, NOW).page, 1);
    }
}
