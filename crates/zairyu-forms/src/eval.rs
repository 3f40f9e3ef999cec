//! Evaluating a form against answers: which parts are shown (on the server, so the form works without
//! JavaScript), what may be kept, and whether the answers pass every rule. One pass in dependency
//! order, so a condition may read a field that comes later in the form.

use crate::answers::{Answer, Answers};
use crate::def::{Condition, Field, FieldKind, FieldRef, FormDef, RefScope, Rule};
use crate::errors::{DateLimit, ErrorCode, FormCode, FormError, FormErrors};
use crate::kinds;
use std::collections::{HashMap, HashSet};
use zairyu_domain::{Date, Invalid, PartialDate};

/// Visibility of each row of one group.
#[derive(Debug, Clone)]
struct RowVisibility {
    /// Per row given in the answers, per row position.
    rows: Vec<Vec<bool>>,
    /// For a row not (yet) answered: what an empty row shows.
    blank: Vec<bool>,
}

/// Which sections, fields and group rows are shown for a set of answers. Fields in hidden sections,
/// in hidden groups, or whose own condition fails are hidden; a hidden field counts as unanswered
/// for every condition that reads it, so hiding cascades.
#[derive(Debug, Clone)]
pub struct Visibility<'f> {
    form: &'f FormDef,
    sections: Vec<bool>,
    fields: Vec<bool>,
    rows: HashMap<usize, RowVisibility>,
}

impl Visibility<'_> {
    /// Whether the section with this id is shown.
    pub fn section(&self, id: &str) -> bool {
        self.form
            .section_index
            .get(id)
            .is_some_and(|&s| self.sections[s])
    }

    /// Whether the top-level field with this id is shown.
    pub fn field(&self, id: &str) -> bool {
        self.form
            .top_index
            .get(id)
            .is_some_and(|&ix| self.fields[ix])
    }

    /// Whether field `id` of row `row` of `group` is shown. Rows beyond the answered ones are judged
    /// as empty rows, so the page can render a fresh row correctly.
    pub fn row_field(&self, group: &str, row: usize, id: &str) -> bool {
        let Some(&g) = self.form.top_index.get(group) else {
            return false;
        };
        let Some(&pos) = self.form.row_index.get(&g).and_then(|r| r.get(id)) else {
            return false;
        };
        self.row_position(g, row, pos)
    }

    fn row_position(&self, g: usize, row: usize, pos: usize) -> bool {
        let Some(rv) = self.rows.get(&g) else {
            return false;
        };
        rv.rows
            .get(row)
            .unwrap_or(&rv.blank)
            .get(pos)
            .copied()
            .unwrap_or(false)
    }

    /// Every shown field as a path (`name`, `family[0].name`), in form order, answered rows only.
    pub fn shown_paths(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (s, section) in self.form.sections.iter().enumerate() {
            if !self.sections[s] {
                continue;
            }
            for f in section.fields() {
                if !self.fields[f.ix] {
                    continue;
                }
                out.push(f.id().to_owned());
                if let Some(rv) = self.rows.get(&f.ix) {
                    for (i, row) in rv.rows.iter().enumerate() {
                        for (pos, c) in f.row_fields().iter().enumerate() {
                            if row[pos] {
                                out.push(format!("{}[{i}].{}", f.id(), c.id()));
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

/// What a condition can see: the top-level answers and their visibility, and within a group row
/// that row's answers and visibility.
struct Scope<'a> {
    form: &'a FormDef,
    top: &'a Answers,
    top_shown: &'a [bool],
    row: Option<(usize, &'a Answers, &'a [bool])>,
}

impl Scope<'_> {
    /// The answer a condition reads: `None` when the field is hidden or unanswered.
    fn value(&self, r: &FieldRef) -> Option<(&Field, &Answer)> {
        let field = self.form.field_at(r.ix);
        match (r.scope(), self.row) {
            (RefScope::Row, Some((g, answers, shown))) => {
                let pos = r.ix.checked_sub(g + 1)?;
                if *shown.get(pos)? {
                    answers.get(field.id()).map(|a| (field, a))
                } else {
                    None
                }
            }
            (RefScope::Row, None) => None,
            (RefScope::Form, _) => {
                if self.top_shown[r.ix] {
                    self.top.get(field.id()).map(|a| (field, a))
                } else {
                    None
                }
            }
        }
    }

    fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::Equals { field, value } => self
                .value(field)
                .is_some_and(|(_, a)| kinds::has_value(a, value)),
            Condition::In { field, values } => self
                .value(field)
                .is_some_and(|(_, a)| values.iter().any(|v| kinds::has_value(a, v))),
            Condition::Filled { field, filled } => {
                self.value(field)
                    .is_some_and(|(f, a)| kinds::is_filled(f, a))
                    == *filled
            }
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
        }
    }
}

/// Sorting key of an error: top-level field, then row (0 for none), then row position.
type ErrorKey = (usize, usize, usize);

fn push(errors: &mut Vec<(ErrorKey, FormError)>, key: ErrorKey, path: String, code: ErrorCode) {
    errors.push((key, FormError { path, code }));
}

impl FormDef {
    /// Which parts of the form are shown for these answers.
    pub fn visible(&self, answers: &Answers) -> Visibility<'_> {
        let n = self.locs.len();
        let mut shown = vec![false; n];
        let mut sections: Vec<Option<bool>> = vec![None; self.sections.len()];
        for &ix in &self.top_order {
            let s = self.locs[ix].section;
            let scope = Scope {
                form: self,
                top: answers,
                top_shown: &shown,
                row: None,
            };
            // Every field of a section depends on what the section's condition reads, so by the
            // time the first of them comes in dependency order that condition can be evaluated.
            let section_shown = match sections[s] {
                Some(v) => v,
                None => {
                    let v = self.sections[s].show_if().is_none_or(|c| scope.holds(c));
                    sections[s] = Some(v);
                    v
                }
            };
            let field = self.field_at(ix);
            let v = section_shown && field.show_if().is_none_or(|c| scope.holds(c));
            shown[ix] = v;
        }
        let sections: Vec<bool> = sections.into_iter().map(|s| s.unwrap_or(false)).collect();

        let mut rows = HashMap::new();
        for (&g, order) in &self.row_order {
            if !shown[g] {
                continue;
            }
            let group = self.field_at(g);
            let count = group.row_fields().len();
            let eval_row = |row: &Answers| {
                let mut row_shown = vec![false; count];
                for &pos in order {
                    let scope = Scope {
                        form: self,
                        top: answers,
                        top_shown: &shown,
                        row: Some((g, row, &row_shown)),
                    };
                    let v = group.row_fields()[pos]
                        .show_if()
                        .is_none_or(|c| scope.holds(c));
                    row_shown[pos] = v;
                }
                row_shown
            };
            let given = match answers.get(group.id()) {
                Some(Answer::Rows(r)) => r.iter().map(eval_row).collect(),
                _ => Vec::new(),
            };
            let blank = eval_row(&Answers::new());
            rows.insert(g, RowVisibility { rows: given, blank });
        }
        Visibility {
            form: self,
            sections,
            fields: shown,
            rows,
        }
    }

    /// What may be stored of these answers, unchecked: answers to hidden fields, to fields that do
    /// not exist, of the wrong shape, and choices that are not options are dropped; blank group rows
    /// and rows beyond `max_rows` too. For drafts and auto-fill; an answer to a hidden field is never
    /// kept anywhere.
    pub fn clean(&self, answers: &Answers) -> Answers {
        let vis = self.visible(answers);
        let mut out = Answers::new();
        for &ix in self.top_order.iter() {
            if !vis.fields[ix] {
                continue;
            }
            let field = self.field_at(ix);
            let Some(answer) = answers.get(field.id()) else {
                continue;
            };
            match (field.kind(), answer) {
                (FieldKind::Group { max_rows, .. }, Answer::Rows(rows)) => {
                    let kept: Vec<Answers> = rows
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| !r.is_blank())
                        .take(*max_rows)
                        .map(|(i, row)| {
                            let mut out_row = Answers::new();
                            for (pos, c) in field.row_fields().iter().enumerate() {
                                if !vis.row_position(ix, i, pos) {
                                    continue;
                                }
                                if let Some(a) = row.get(c.id()).and_then(|a| kinds::keep(c, a)) {
                                    out_row.insert(c.id(), a);
                                }
                            }
                            out_row
                        })
                        .filter(|r| !r.is_empty())
                        .collect();
                    if !kept.is_empty() {
                        out.insert(field.id(), Answer::Rows(kept));
                    }
                }
                (FieldKind::Group { .. }, _) => {}
                _ => {
                    if let Some(a) = kinds::keep(field, answer) {
                        out.insert(field.id(), a);
                    }
                }
            }
        }
        out
    }

    /// Paths of answers that match no field of this form (`old_field`, `family[0].old`), so auto-fill
    /// from an older application can tell the person what was left out (SPEC §6.5).
    pub fn unknown_answers(&self, answers: &Answers) -> Vec<String> {
        let mut out = Vec::new();
        for (id, answer) in answers.iter() {
            let Some(&ix) = self.top_index.get(id) else {
                out.push(id.to_owned());
                continue;
            };
            if let (Answer::Rows(rows), Some(index)) = (answer, self.row_index.get(&ix)) {
                for (i, row) in rows.iter().enumerate() {
                    for (cid, _) in row.iter() {
                        if !index.contains_key(cid) {
                            out.push(format!("{id}[{i}].{cid}"));
                        }
                    }
                }
            }
        }
        out
    }

    /// Checks every shown field and every applicable rule, reporting all problems at once in form
    /// order. `today` is the application's date (for "not in the future"), passed in so the engine
    /// stays pure and tests can fix it. Answers to hidden or unknown fields are ignored, never
    /// stored; blank group rows are skipped (their indexes are kept in error paths).
    pub fn validate(&self, answers: &Answers, today: Date) -> Result<Cleaned, FormErrors> {
        let vis = self.visible(answers);
        let mut out = Answers::new();
        let mut errors: Vec<(ErrorKey, FormError)> = Vec::new();
        let mut failed: HashSet<usize> = HashSet::new();
        let mut dates: HashMap<usize, PartialDate> = HashMap::new();

        for section in &self.sections {
            for field in section.fields() {
                let ix = field.ix;
                if !vis.fields[ix] {
                    continue;
                }
                if let FieldKind::Group {
                    min_rows, max_rows, ..
                } = field.kind()
                {
                    let rows: &[Answers] = match answers.get(field.id()) {
                        None => &[],
                        Some(Answer::Rows(r)) => r,
                        Some(_) => {
                            push(
                                &mut errors,
                                (ix, 0, 0),
                                field.id().to_owned(),
                                Invalid::Format.into(),
                            );
                            failed.insert(ix);
                            continue;
                        }
                    };
                    let given: Vec<(usize, &Answers)> = rows
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| !r.is_blank())
                        .collect();
                    let count_error: Option<ErrorCode> = if given.is_empty() && field.required() {
                        Some(Invalid::Required.into())
                    } else if given.len() < *min_rows {
                        Some(FormCode::TooFewRows { min: *min_rows }.into())
                    } else if given.len() > *max_rows {
                        Some(FormCode::TooManyRows { max: *max_rows }.into())
                    } else {
                        None
                    };
                    if let Some(code) = count_error {
                        push(&mut errors, (ix, 0, 0), field.id().to_owned(), code);
                        failed.insert(ix);
                    }
                    let mut out_rows = Vec::new();
                    for (i, row) in given {
                        let mut out_row = Answers::new();
                        for (pos, c) in field.row_fields().iter().enumerate() {
                            if !vis.row_position(ix, i, pos) {
                                continue;
                            }
                            match kinds::check(c, row.get(c.id()), today) {
                                Ok(checked) => {
                                    if let Some(a) = checked.answer {
                                        out_row.insert(c.id(), a);
                                    }
                                }
                                Err(code) => {
                                    let path = format!("{}[{i}].{}", field.id(), c.id());
                                    push(&mut errors, (ix, i + 1, pos), path, code);
                                    failed.insert(ix);
                                }
                            }
                        }
                        out_rows.push(out_row);
                    }
                    if !out_rows.is_empty() {
                        out.insert(field.id(), Answer::Rows(out_rows));
                    }
                    continue;
                }
                match kinds::check(field, answers.get(field.id()), today) {
                    Ok(checked) => {
                        if let Some(a) = checked.answer {
                            out.insert(field.id(), a);
                        }
                        if let Some(d) = checked.date {
                            dates.insert(ix, d);
                        }
                    }
                    Err(code) => {
                        push(&mut errors, (ix, 0, 0), field.id().to_owned(), code);
                        failed.insert(ix);
                    }
                }
            }
        }

        for rule in &self.rules {
            let applies = |a: &FieldRef| vis.fields[a.ix] && !failed.contains(&a.ix);
            match rule {
                Rule::Equals { field, other } => {
                    if !(applies(field) && applies(other)) {
                        continue;
                    }
                    let is_email = matches!(self.field_at(field.ix).kind(), FieldKind::Email);
                    let norm = |a: Option<&Answer>| match a {
                        Some(Answer::Text(s)) if is_email => Some(Answer::Text(s.to_lowercase())),
                        other => other.cloned(),
                    };
                    if norm(out.get(field.id())) != norm(out.get(other.id())) {
                        push(
                            &mut errors,
                            (field.ix, 0, 0),
                            field.id().to_owned(),
                            Invalid::Mismatch.into(),
                        );
                    }
                }
                Rule::NotAfter { field, other } | Rule::NotBefore { field, other } => {
                    if !(applies(field) && applies(other)) {
                        continue;
                    }
                    let (Some(a), Some(b)) = (dates.get(&field.ix), dates.get(&other.ix)) else {
                        continue;
                    };
                    let limit = DateLimit::Field(other.id().to_owned());
                    let code = match rule {
                        Rule::NotAfter { .. } => {
                            let surely_after =
                                matches!((a.earliest(), b.latest()), (Some(x), Some(y)) if x > y);
                            surely_after.then_some(FormCode::AfterDate { limit })
                        }
                        _ => {
                            let surely_before =
                                matches!((a.latest(), b.earliest()), (Some(x), Some(y)) if x < y);
                            surely_before.then_some(FormCode::BeforeDate { limit })
                        }
                    };
                    if let Some(code) = code {
                        push(
                            &mut errors,
                            (field.ix, 0, 0),
                            field.id().to_owned(),
                            code.into(),
                        );
                    }
                }
                Rule::NotFuture { field } => {
                    if !applies(field) {
                        continue;
                    }
                    if dates
                        .get(&field.ix)
                        .and_then(PartialDate::earliest)
                        .is_some_and(|d| d > today)
                    {
                        push(
                            &mut errors,
                            (field.ix, 0, 0),
                            field.id().to_owned(),
                            FormCode::Future.into(),
                        );
                    }
                }
            }
        }

        if errors.is_empty() {
            Ok(Cleaned {
                form_id: self.id.clone(),
                version: self.version,
                fingerprint: self.fingerprint.clone(),
                answers: out,
            })
        } else {
            errors.sort_by_key(|(k, _)| *k);
            Err(FormErrors(errors.into_iter().map(|(_, e)| e).collect()))
        }
    }

    /// The label of the field at a path in a language, for `$field` in messages.
    pub fn label(&self, path: &str, lang: &str) -> Option<&str> {
        self.field_at_path(path).map(|f| f.label().get(lang))
    }

    /// The arguments of an error's message: `field` (the label), `bound`, `limit` (a date, or the
    /// other field's label). Everything the page needs to call the translation.
    pub fn error_args(&self, error: &FormError, lang: &str) -> Vec<(&'static str, String)> {
        let mut args = Vec::new();
        let label = self.label(&error.path, lang).unwrap_or(&error.path);
        args.push(("field", label.to_owned()));
        if let Some(b) = error.code.bound() {
            args.push(("bound", b.to_string()));
        }
        match error.code.limit() {
            Some(DateLimit::Date(d)) => args.push(("limit", d.iso())),
            Some(DateLimit::Field(p)) => {
                args.push(("limit", self.label(p, lang).unwrap_or(p).to_owned()));
            }
            None => {}
        }
        args
    }
}

/// Answers that passed every rule, normalised for storage (telephone without hyphens, dates as
/// `YYYY-MM-DD`, partial dates as `YYYY-MM`/`YYYY` with their unknown part, choices in option order).
/// Only answers to shown fields are in it. Built only by [`FormDef::validate`], and bound to the form
/// it was checked against. Feeding its answers to `validate` again gives the same value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    form_id: String,
    version: u32,
    fingerprint: String,
    answers: Answers,
}

impl Cleaned {
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn into_answers(self) -> Answers {
        self.answers
    }

    pub fn form_id(&self) -> &str {
        &self.form_id
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    /// The [`FormDef::schema_fingerprint`] of the form that checked it: store it with the answers.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// Helper for [`crate::summary`]: rows of a group shown, in a cleaned set of answers.
pub(crate) fn group_rows<'a>(answers: &'a Answers, group: &Field) -> &'a [Answers] {
    match answers.get(group.id()) {
        Some(Answer::Rows(r)) => r,
        _ => &[],
    }
}

impl Visibility<'_> {
    pub(crate) fn section_at(&self, s: usize) -> bool {
        self.sections[s]
    }

    pub(crate) fn field_ix(&self, ix: usize) -> bool {
        self.fields[ix]
    }

    pub(crate) fn row_ix(&self, g: usize, row: usize, pos: usize) -> bool {
        self.row_position(g, row, pos)
    }
}
