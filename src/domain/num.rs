//! Whole numbers from text and back: one small decimal parser for every integer the widget reads
//! from attributes, storage and form controls, instead of one copy of the standard parser per
//! type, and two-digit numbers without the formatter's padding machinery.

/// Digits only (`0`–`9`, at least one), as a `u64`; `None` on anything else or on overflow.
pub fn parse_u64(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| if b.is_ascii_digit() { n.checked_mul(10)?.checked_add(u64::from(b - b'0')) } else { None })
}

/// An optional `+` or `-` sign and digits, as an `i64`; `None` on anything else or on overflow.
pub fn parse_i64(s: &str) -> Option<i64> {
    match s.strip_prefix('-') {
        Some(digits) => 0i64.checked_sub_unsigned(parse_u64(digits)?),
        None => i64::try_from(parse_u64(s.strip_prefix('+').unwrap_or(s))?).ok(),
    }
}

/// "07" for 7: clock fields and pair numbers as on the ballot; numbers of three or more digits in full.
pub fn two_digits(n: u64) -> String {
    if n >= 100 {
        return n.to_string();
    }
    let b = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
    b.iter().map(|&d| char::from(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digits_pads_like_the_formatter() {
        for n in [0, 7, 10, 59, 99, 100, 12345] {
            assert_eq!(two_digits(n), format!("{n:02}"));
        }
    }

    #[test]
    fn parses_what_the_standard_parser_parses() {
        for s in [
            "0",
            "7",
            "+7",
            "-7",
            "0042",
            "9223372036854775807",
            "-9223372036854775808",
            "",
            "+",
            "-",
            "1e3",
            " 1",
            "1 ",
            "٣",
            "+-1",
            "9223372036854775808",
        ] {
            assert_eq!(parse_i64(s), s.parse::<i64>().ok(), "{s:?}");
        }
        for s in ["0", "18446744073709551615", "18446744073709551616", "+1", "-1", "", "12a"] {
            assert_eq!(parse_u64(s), s.strip_prefix('+').map_or_else(|| s.parse::<u64>().ok(), |_| None), "{s:?}");
        }
    }
}
