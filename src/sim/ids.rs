//! Deterministic identifiers and pseudo-random numbers. No wall clock, no process randomness:
//! the same scenario and seed always produce the same GUIDs, PUIDs and durations.

/// FNV-1a over the parts (with a separator), then a SplitMix64 finaliser.
pub fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.as_bytes() {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A version-4-shaped GUID derived from the parts.
pub fn guid(parts: &[&str]) -> String {
    let a = hash(parts);
    let b = mix(a ^ 0x5151_5151_5151_5151);
    let mut x = [0u8; 16];
    x[..8].copy_from_slice(&a.to_be_bytes());
    x[8..].copy_from_slice(&b.to_be_bytes());
    x[6] = (x[6] & 0x0f) | 0x40;
    x[8] = (x[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(36);
    for (i, byte) in x.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(HEX[(byte >> 4) as usize] as char);
        out.push(HEX[(byte & 0xf) as usize] as char);
    }
    out
}

/// A SharePoint-style PUID: 16 upper-case hex digits starting with 1003.
pub fn puid(parts: &[&str]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let v = hash(parts) & 0x0000_ffff_ffff_ffff;
    let mut out = String::with_capacity(16);
    out.push_str("1003");
    for i in (0..12).rev() {
        out.push(HEX[((v >> (i * 4)) & 0xf) as usize] as char);
    }
    out
}

/// A uniform number in [0, 1) from a seed and a few parts.
pub fn unit(seed: u64, parts: &[&str]) -> f64 {
    let h = mix(hash(parts) ^ mix(seed));
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// Is the text a GUID (8-4-4-4-12 hex digits, optional braces)?
pub fn is_guid(s: &str) -> bool {
    let t = s.trim().trim_start_matches('{').trim_end_matches('}');
    let groups: Vec<&str> = t.split('-').collect();
    groups.len() == 5 && [8, 4, 4, 4, 12].iter().zip(&groups).all(|(n, g)| g.len() == *n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_well_formed() {
        let g = guid(&["user", "contoso", "a@b.c"]);
        assert_eq!(g, guid(&["user", "contoso", "a@b.c"]));
        assert_ne!(g, guid(&["user", "contoso", "a@b.d"]));
        assert!(is_guid(&g));
        assert_eq!(&g[14..15], "4");
        assert!(!is_guid("not-a-guid"));
    }

    #[test]
    fn unit_is_in_range() {
        for i in 0..100 {
            let u = unit(i, &["x"]);
            assert!((0.0..1.0).contains(&u));
        }
    }
}
