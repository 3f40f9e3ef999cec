//! What becomes of an application: the statuses of SPEC §9.2 and the only ways between them. The
//! table below is the single source of truth; the back office and the applicant's screens both ask it.

use crate::Invalid;
use crate::account::LOGIN_ID_ALPHABET;
use rand::Rng;

/// The kinds of filing, whose paths through the statuses differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilingKind {
    /// A residence application (RASENS).
    Application,
    /// A notification about the organisation or spouse (ENS).
    Notification,
    /// A request for use of ENS or RASENS.
    RequestForUse,
}

impl FilingKind {
    pub const ALL: [FilingKind; 3] = [
        FilingKind::Application,
        FilingKind::Notification,
        FilingKind::RequestForUse,
    ];
}

/// Processing status (SPEC §9.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApplicationStatus {
    /// Sent, not yet received by an officer.
    Pending,
    /// Received: a reception number (or notification receipt number) is assigned.
    ApplicationCompleted,
    UnderReview,
    /// Approved; the card or certificate waits to be received.
    AwaitingIssuance,
    /// Revision or more material needed (or, for a notification, a registration error).
    InReturnProcess,
    Completed,
    CompletedNotPermitted,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 7] = [
        ApplicationStatus::Pending,
        ApplicationStatus::ApplicationCompleted,
        ApplicationStatus::UnderReview,
        ApplicationStatus::AwaitingIssuance,
        ApplicationStatus::InReturnProcess,
        ApplicationStatus::Completed,
        ApplicationStatus::CompletedNotPermitted,
    ];

    /// Stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            ApplicationStatus::Pending => "pending",
            ApplicationStatus::ApplicationCompleted => "application_completed",
            ApplicationStatus::UnderReview => "under_review",
            ApplicationStatus::AwaitingIssuance => "awaiting_issuance",
            ApplicationStatus::InReturnProcess => "in_return_process",
            ApplicationStatus::Completed => "completed",
            ApplicationStatus::CompletedNotPermitted => "completed_not_permitted",
        }
    }

    pub fn parse(code: &str) -> Result<ApplicationStatus, Invalid> {
        ApplicationStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or(Invalid::Format)
    }

    /// A status code from a URL or a form, where anything else simply means none.
    pub fn parse_opt(code: &str) -> Option<ApplicationStatus> {
        ApplicationStatus::parse(code).ok()
    }

    /// The Fluent id of the status name (its meaning is `<id>-meaning`).
    pub fn label_key(self) -> &'static str {
        match self {
            ApplicationStatus::Pending => "status-pending",
            ApplicationStatus::ApplicationCompleted => "status-application-completed",
            ApplicationStatus::UnderReview => "status-under-review",
            ApplicationStatus::AwaitingIssuance => "status-awaiting-issuance",
            ApplicationStatus::InReturnProcess => "status-in-return-process",
            ApplicationStatus::Completed => "status-completed",
            ApplicationStatus::CompletedNotPermitted => "status-completed-not-permitted",
        }
    }

    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Completed | ApplicationStatus::CompletedNotPermitted
        )
    }
}

/// What someone does to a filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Officer: receive it (assign the reception / notification receipt number).
    Accept,
    /// Officer: start the examination.
    StartReview,
    /// Officer: ask for revision or material (or register a notification error).
    Return,
    /// Applicant: send the corrected filing back.
    Resubmit,
    /// Officer: permit; the result waits to be handed over.
    Approve,
    /// Officer: the card or certificate was received.
    Handover,
    /// Officer: not permitted.
    Refuse,
    /// Officer: a notification is registered as complete; a request for use is approved.
    Complete,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Accept,
        Action::StartReview,
        Action::Return,
        Action::Resubmit,
        Action::Approve,
        Action::Handover,
        Action::Refuse,
        Action::Complete,
    ];
}

/// The status an action leads to, or None when the action is not allowed from `from` for `kind`.
pub fn transition(
    kind: FilingKind,
    from: ApplicationStatus,
    action: Action,
) -> Option<ApplicationStatus> {
    use Action as A;
    use ApplicationStatus as S;
    use FilingKind as K;
    match (kind, from, action) {
        (_, S::Pending, A::Accept) => Some(S::ApplicationCompleted),
        (K::Application, S::ApplicationCompleted, A::StartReview) => Some(S::UnderReview),
        (K::Application, S::ApplicationCompleted | S::UnderReview, A::Return) => {
            Some(S::InReturnProcess)
        }
        (K::Application, S::InReturnProcess, A::Resubmit) => Some(S::UnderReview),
        (K::Application, S::UnderReview, A::Approve) => Some(S::AwaitingIssuance),
        (K::Application, S::AwaitingIssuance, A::Handover) => Some(S::Completed),
        (K::Application, S::UnderReview, A::Refuse) => Some(S::CompletedNotPermitted),
        (K::Notification, S::ApplicationCompleted, A::Complete) => Some(S::Completed),
        (K::Notification, S::ApplicationCompleted, A::Return) => Some(S::InReturnProcess),
        // A corrected notification is filed anew, linked to the first; the first stays as it was.
        (K::RequestForUse, S::Pending | S::ApplicationCompleted, A::Complete) => Some(S::Completed),
        (K::RequestForUse, S::Pending | S::ApplicationCompleted, A::Refuse) => {
            Some(S::CompletedNotPermitted)
        }
        _ => None,
    }
}

/// The number an applicant sees on the completion screen and in the receipt email. Random from the
/// alphabet without look-alike characters, so numbers cannot be found by counting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReferenceNumber(String);

pub const REFERENCE_LEN: usize = 12;

impl ReferenceNumber {
    pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> ReferenceNumber {
        ReferenceNumber(
            (0..REFERENCE_LEN)
                .map(|_| LOGIN_ID_ALPHABET[rng.gen_range(0..LOGIN_ID_ALPHABET.len())] as char)
                .collect(),
        )
    }

    /// Reads a typed number: case, width, spaces and hyphens are folded.
    pub fn parse(raw: &str) -> Result<ReferenceNumber, Invalid> {
        let s: String = crate::text::fold_width(raw)
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect::<String>()
            .to_ascii_uppercase();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.len() != REFERENCE_LEN || !s.bytes().all(|b| LOGIN_ID_ALPHABET.contains(&b)) {
            return Err(Invalid::Format);
        }
        Ok(ReferenceNumber(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Grouped for reading aloud and copying: `ABCD-EFGH-JKMN`.
    pub fn display(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action as A;
    use ApplicationStatus as S;
    use FilingKind as K;

    /// Every (kind, status, action) triple, checked against the table written out by hand.
    #[test]
    fn transitions_are_exactly_these() {
        let allowed: &[(K, S, A, S)] = &[
            (
                K::Application,
                S::Pending,
                A::Accept,
                S::ApplicationCompleted,
            ),
            (
                K::Application,
                S::ApplicationCompleted,
                A::StartReview,
                S::UnderReview,
            ),
            (
                K::Application,
                S::ApplicationCompleted,
                A::Return,
                S::InReturnProcess,
            ),
            (
                K::Application,
                S::UnderReview,
                A::Return,
                S::InReturnProcess,
            ),
            (
                K::Application,
                S::InReturnProcess,
                A::Resubmit,
                S::UnderReview,
            ),
            (
                K::Application,
                S::UnderReview,
                A::Approve,
                S::AwaitingIssuance,
            ),
            (
                K::Application,
                S::AwaitingIssuance,
                A::Handover,
                S::Completed,
            ),
            (
                K::Application,
                S::UnderReview,
                A::Refuse,
                S::CompletedNotPermitted,
            ),
            (
                K::Notification,
                S::Pending,
                A::Accept,
                S::ApplicationCompleted,
            ),
            (
                K::Notification,
                S::ApplicationCompleted,
                A::Complete,
                S::Completed,
            ),
            (
                K::Notification,
                S::ApplicationCompleted,
                A::Return,
                S::InReturnProcess,
            ),
            (
                K::RequestForUse,
                S::Pending,
                A::Accept,
                S::ApplicationCompleted,
            ),
            (K::RequestForUse, S::Pending, A::Complete, S::Completed),
            (
                K::RequestForUse,
                S::ApplicationCompleted,
                A::Complete,
                S::Completed,
            ),
            (
                K::RequestForUse,
                S::Pending,
                A::Refuse,
                S::CompletedNotPermitted,
            ),
            (
                K::RequestForUse,
                S::ApplicationCompleted,
                A::Refuse,
                S::CompletedNotPermitted,
            ),
        ];
        let mut seen = 0;
        for kind in K::ALL {
            for from in S::ALL {
                for action in A::ALL {
                    let expected = allowed
                        .iter()
                        .find(|(k, f, a, _)| *k == kind && *f == from && *a == action)
                        .map(|t| t.3);
                    assert_eq!(
                        transition(kind, from, action),
                        expected,
                        "{kind:?} {from:?} {action:?}"
                    );
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 3 * 7 * 8);
    }

    #[test]
    fn nothing_leaves_a_final_status() {
        for kind in K::ALL {
            for from in S::ALL.into_iter().filter(|s| s.is_final()) {
                for action in A::ALL {
                    assert_eq!(transition(kind, from, action), None);
                }
            }
        }
    }

    #[test]
    fn status_codes_round_trip() {
        for s in S::ALL {
            assert_eq!(S::parse(s.code()), Ok(s));
        }
        assert!(S::parse("approved").is_err());
    }

    #[test]
    fn reference_numbers() {
        let mut rng = rand::thread_rng();
        let r = ReferenceNumber::generate(&mut rng);
        assert_eq!(r.as_str().len(), 12);
        assert_eq!(
            ReferenceNumber::parse(&r.display().to_lowercase()),
            Ok(r.clone())
        );
        assert_eq!(r.display().len(), 14);
        assert!(ReferenceNumber::parse("ABC").is_err());
        assert!(
            ReferenceNumber::parse("ABCDEFGHJK0O").is_err(),
            "look-alikes are never issued"
        );
    }
}
