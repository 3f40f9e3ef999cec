//! The basic 4 information of a signature certificate: subjectAltName `otherName` entries
//! (`roots/README.md`). The date of birth is an era digit followed by the Gregorian `YYYYMMDD`
//! (`319801231`: Shōwa, 31 December 1980); a month or day of `00` is unknown. Names separate the
//! family and given name with an ideographic space (U+3000), kept as it is.

use der::{Tag, Tagged};
use x509_cert::Certificate;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;
use zairyu_domain::{Basic4, CardSex, Date, Era, IdentityFailure, PartialDate};

pub const OID_NAME: &str = "1.2.392.200149.8.5.5.1";
pub const OID_NAME_FLAGS: &str = "1.2.392.200149.8.5.5.2";
pub const OID_SEX: &str = "1.2.392.200149.8.5.5.3";
pub const OID_DOB: &str = "1.2.392.200149.8.5.5.4";
pub const OID_ADDRESS: &str = "1.2.392.200149.8.5.5.5";
pub const OID_ADDRESS_FLAGS: &str = "1.2.392.200149.8.5.5.6";

/// The longest text accepted for a name or an address (the card's fields are far shorter).
const MAX_TEXT: usize = 400;

pub(crate) fn extract(cert: &Certificate) -> Result<Basic4, IdentityFailure> {
    let san = match cert.tbs_certificate.get::<SubjectAltName>() {
        Ok(Some((_, san))) => san,
        Ok(None) => return Err(IdentityFailure::Basic4),
        Err(_) => return Err(IdentityFailure::Malformed),
    };
    let mut name = None;
    let mut sex = None;
    let mut dob = None;
    let mut address = None;
    for g in &san.0 {
        let GeneralName::OtherName(o) = g else {
            continue;
        };
        let slot = match o.type_id.to_string().as_str() {
            OID_NAME => &mut name,
            OID_SEX => &mut sex,
            OID_DOB => &mut dob,
            OID_ADDRESS => &mut address,
            _ => continue,
        };
        if slot.is_some() {
            // Two names or two dates of birth: not a card profile we can trust to read.
            return Err(IdentityFailure::Basic4);
        }
        *slot = Some(text(&o.value)?);
    }
    let (Some(name), Some(sex), Some(dob), Some(address)) = (name, sex, dob, address) else {
        return Err(IdentityFailure::Basic4);
    };
    let sex = CardSex::parse_digit(&sex).ok_or(IdentityFailure::Basic4)?;
    let (era, date_of_birth) = parse_dob(&dob).ok_or(IdentityFailure::Basic4)?;
    if name.trim().is_empty() || address.trim().is_empty() {
        return Err(IdentityFailure::Basic4);
    }
    Ok(Basic4 {
        name,
        sex,
        era,
        date_of_birth,
        address,
    })
}

/// A string value of any of the string types a certificate may use, refused when it has control
/// characters (which no name or address contains) or is absurdly long.
fn text(any: &der::Any) -> Result<String, IdentityFailure> {
    let ok = matches!(
        any.tag(),
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString
    );
    if !ok {
        return Err(IdentityFailure::Basic4);
    }
    let s = std::str::from_utf8(any.value()).map_err(|_| IdentityFailure::Basic4)?;
    if s.chars().count() > MAX_TEXT || s.chars().any(char::is_control) {
        return Err(IdentityFailure::Basic4);
    }
    Ok(s.to_owned())
}

/// `EYYYYMMDD`: an era digit and the Gregorian date; `00` for an unknown month or day.
pub(crate) fn parse_dob(s: &str) -> Option<(Era, PartialDate)> {
    let s = s.trim();
    if s.len() != 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let era = Era::from_digit(s.chars().next()?)?;
    let year: i32 = s[1..5].parse().ok()?;
    let month: u8 = s[5..7].parse().ok()?;
    let day: u8 = s[7..9].parse().ok()?;
    let date = match (month, day) {
        (0, 0) => {
            if !(1000..=9999).contains(&year) {
                return None;
            }
            PartialDate::Year(year)
        }
        (1..=12, 0) => {
            if !(1000..=9999).contains(&year) {
                return None;
            }
            PartialDate::YearMonth { year, month }
        }
        _ => PartialDate::Full(Date::from_ymd(year, month, day)?),
    };
    Some((era, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_birth() {
        assert_eq!(
            parse_dob("319801231"),
            Some((
                Era::Showa,
                PartialDate::Full(Date::from_ymd(1980, 12, 31).unwrap())
            ))
        );
        assert_eq!(
            parse_dob("420010400"),
            Some((
                Era::Heisei,
                PartialDate::YearMonth {
                    year: 2001,
                    month: 4
                }
            ))
        );
        assert_eq!(
            parse_dob("519990000"),
            Some((Era::Reiwa, PartialDate::Year(1999)))
        );
        for bad in [
            "19801231",
            "019801231",
            "619801231",
            "319801331",
            "31980123X",
            "3198012310",
            "",
            "319800230",
        ] {
            assert_eq!(parse_dob(bad), None, "{bad}");
        }
    }
}
