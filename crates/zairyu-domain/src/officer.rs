//! Immigration officers: their roles, what each role may do, and the regional offices (SPEC §13).
//! Like the status table, the permission table here is the single source of truth: the back-office
//! screens, the JSON API and the use cases all ask `Role::allows`.

use crate::Invalid;
use crate::application::{Action, FilingKind};

/// An officer's role. Each includes what the one before it may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Receives filings and registers notifications and handovers.
    Clerk,
    /// Examines applications and asks for revisions.
    Examiner,
    /// Decides: permits or refuses; publishes notices.
    Supervisor,
    /// Everything, in every office; manages officers and procedures.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Clerk, Role::Examiner, Role::Supervisor, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::Examiner => "examiner",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Result<Role, Invalid> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
            .ok_or(Invalid::Format)
    }

    /// The Fluent id of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Clerk => "officer-role-clerk",
            Role::Examiner => "officer-role-examiner",
            Role::Supervisor => "officer-role-supervisor",
            Role::Admin => "officer-role-admin",
        }
    }

    /// Whether the role reaches every office's queue, not only the officer's own.
    pub fn all_offices(self) -> bool {
        self == Role::Admin
    }

    pub fn allows(self, p: Permission) -> bool {
        use Permission as P;
        match p {
            P::ViewQueue | P::ViewDashboard | P::UseApi => true,
            P::Act(kind, action) => action_role(kind, action).is_some_and(|min| self >= min),
            P::ViewAudit | P::ManageNotices => self >= Role::Supervisor,
            P::ManageProcedures | P::ManageOfficers => self == Role::Admin,
        }
    }
}

/// What an officer may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    ViewQueue,
    /// Perform an action on a filing of a kind.
    Act(FilingKind, Action),
    ManageNotices,
    ManageProcedures,
    ViewAudit,
    ManageOfficers,
    ViewDashboard,
    UseApi,
}

/// The least role that may take an action on a kind of filing; None when no officer may (the
/// applicant's own Resubmit, or an action the kind does not have).
fn action_role(kind: FilingKind, action: Action) -> Option<Role> {
    use Action as A;
    use FilingKind as K;
    match (kind, action) {
        (_, A::Resubmit) => None,
        (_, A::Accept) => Some(Role::Clerk),
        (K::Notification, A::Complete | A::Return) => Some(Role::Clerk),
        (K::Application, A::Handover) => Some(Role::Clerk),
        (K::Application, A::StartReview | A::Return) => Some(Role::Examiner),
        (K::Application, A::Approve | A::Refuse) => Some(Role::Supervisor),
        (K::RequestForUse, A::Complete | A::Refuse) => Some(Role::Examiner),
        _ => None,
    }
}

/// A regional immigration services bureau (or the agency's headquarters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Office {
    pub code: &'static str,
    /// The character that starts its reception and receipt numbers.
    pub mark: char,
    pub name_ja: &'static str,
    pub name_en: &'static str,
}

/// The eight regional bureaus and the headquarters, which takes filings whose applicant has no
/// address on record.
pub const OFFICES: [Office; 9] = [
    Office {
        code: "sapporo",
        mark: '札',
        name_ja: "札幌出入国在留管理局",
        name_en: "Sapporo Regional Immigration Services Bureau",
    },
    Office {
        code: "sendai",
        mark: '仙',
        name_ja: "仙台出入国在留管理局",
        name_en: "Sendai Regional Immigration Services Bureau",
    },
    Office {
        code: "tokyo",
        mark: '東',
        name_ja: "東京出入国在留管理局",
        name_en: "Tokyo Regional Immigration Services Bureau",
    },
    Office {
        code: "nagoya",
        mark: '名',
        name_ja: "名古屋出入国在留管理局",
        name_en: "Nagoya Regional Immigration Services Bureau",
    },
    Office {
        code: "osaka",
        mark: '大',
        name_ja: "大阪出入国在留管理局",
        name_en: "Osaka Regional Immigration Services Bureau",
    },
    Office {
        code: "hiroshima",
        mark: '広',
        name_ja: "広島出入国在留管理局",
        name_en: "Hiroshima Regional Immigration Services Bureau",
    },
    Office {
        code: "takamatsu",
        mark: '高',
        name_ja: "高松出入国在留管理局",
        name_en: "Takamatsu Regional Immigration Services Bureau",
    },
    Office {
        code: "fukuoka",
        mark: '福',
        name_ja: "福岡出入国在留管理局",
        name_en: "Fukuoka Regional Immigration Services Bureau",
    },
    Office {
        code: "hq",
        mark: '本',
        name_ja: "出入国在留管理庁",
        name_en: "Immigration Services Agency (headquarters)",
    },
];

pub fn office(code: &str) -> Option<&'static Office> {
    OFFICES.iter().find(|o| o.code == code)
}

/// The bureau whose jurisdiction covers an address in Japan, read from its prefecture; the
/// headquarters when there is no address or it names no prefecture.
pub fn office_for_address(address: Option<&str>) -> &'static str {
    const JURISDICTION: [(&str, &[&str]); 8] = [
        ("sapporo", &["北海道"]),
        (
            "sendai",
            &["青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県"],
        ),
        (
            "tokyo",
            &[
                "茨城県",
                "栃木県",
                "群馬県",
                "埼玉県",
                "千葉県",
                "東京都",
                "神奈川県",
                "新潟県",
                "山梨県",
                "長野県",
            ],
        ),
        (
            "nagoya",
            &[
                "富山県",
                "石川県",
                "福井県",
                "岐阜県",
                "静岡県",
                "愛知県",
                "三重県",
            ],
        ),
        (
            "osaka",
            &["滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県"],
        ),
        (
            "hiroshima",
            &["鳥取県", "島根県", "岡山県", "広島県", "山口県"],
        ),
        ("takamatsu", &["徳島県", "香川県", "愛媛県", "高知県"]),
        (
            "fukuoka",
            &[
                "福岡県",
                "佐賀県",
                "長崎県",
                "熊本県",
                "大分県",
                "宮崎県",
                "鹿児島県",
                "沖縄県",
            ],
        ),
    ];
    let Some(a) = address.map(str::trim_start) else {
        return "hq";
    };
    JURISDICTION
        .iter()
        .find(|(_, prefs)| prefs.iter().any(|p| a.starts_with(p)))
        .map(|(code, _)| *code)
        .unwrap_or("hq")
}

/// The number an office gives a filing when it receives it: the office's mark, 申 (application) or
/// 届 (notification and request for use), the two-digit year and an eight-digit sequence — twelve
/// characters, within the thirteen SPEC §9.4 allows for such numbers.
pub fn reception_number(office: &Office, kind: FilingKind, year: i32, seq: i64) -> String {
    let k = match kind {
        FilingKind::Application => '申',
        FilingKind::Notification | FilingKind::RequestForUse => '届',
    };
    format!("{}{}{:02}{:08}", office.mark, k, year.rem_euclid(100), seq)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::{ApplicationStatus, transition};

    #[test]
    fn roles_round_trip_and_order() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Ok(r));
        }
        assert!(Role::parse("root").is_err());
        assert!(Role::Clerk < Role::Admin);
    }

    /// Every action an officer may take is one the status table knows for that kind, and the
    /// applicant's Resubmit is no officer's.
    #[test]
    fn permissions_match_the_status_table() {
        for kind in FilingKind::ALL {
            for action in Action::ALL {
                let possible = ApplicationStatus::ALL
                    .into_iter()
                    .any(|s| transition(kind, s, action).is_some());
                let someone = Role::ALL
                    .into_iter()
                    .any(|r| r.allows(Permission::Act(kind, action)));
                if action == Action::Resubmit {
                    assert!(!someone);
                } else {
                    assert_eq!(possible, someone, "{kind:?} {action:?}");
                }
            }
        }
    }

    #[test]
    fn decisions_need_a_supervisor_and_admin_crosses_offices() {
        let approve = Permission::Act(FilingKind::Application, Action::Approve);
        assert!(!Role::Clerk.allows(approve));
        assert!(!Role::Examiner.allows(approve));
        assert!(Role::Supervisor.allows(approve));
        assert!(Role::Clerk.allows(Permission::Act(FilingKind::Notification, Action::Complete)));
        assert!(!Role::Clerk.allows(Permission::Act(FilingKind::Application, Action::Return)));
        assert!(!Role::Supervisor.allows(Permission::ManageOfficers));
        assert!(Role::Admin.allows(Permission::ManageOfficers));
        assert!(Role::Admin.all_offices() && !Role::Supervisor.all_offices());
    }

    #[test]
    fn offices_by_prefecture() {
        assert_eq!(
            office_for_address(Some("東京都千代田区霞が関１－１")),
            "tokyo"
        );
        assert_eq!(office_for_address(Some("沖縄県那覇市")), "fukuoka");
        assert_eq!(office_for_address(Some("京都府京都市")), "osaka");
        assert_eq!(office_for_address(Some("どこか")), "hq");
        assert_eq!(office_for_address(None), "hq");
        for o in OFFICES {
            assert_eq!(office(o.code), Some(&o));
        }
    }

    #[test]
    fn reception_numbers_are_twelve_characters() {
        let tokyo = office("tokyo").unwrap();
        let n = reception_number(tokyo, FilingKind::Notification, 2026, 123);
        assert_eq!(n, "東届2600000123");
        assert_eq!(n.chars().count(), 12);
    }
}
