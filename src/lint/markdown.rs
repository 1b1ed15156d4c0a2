//! Runbooks written as Markdown (the migration articles themselves, wiki pages): `check` lints
//! every PowerShell code block of a `.md` file, reporting lines of the `.md` file.
//!
//! A block's text is padded with the line breaks before it, so that lines and columns of the
//! block are those of the document. The prose just above a block often says where it runs
//! ("runs on **TARGET**", "Source tenant —"); that caption gives the block's tenant role for
//! the rules that depend on it, the way `Connect-SPOService` does in a script.

use crate::lint::Role;

/// Info strings of fences whose content is PowerShell.
const POWERSHELL_INFO: &[&str] = &["powershell", "pwsh", "ps1", "ps", "posh"];

pub struct Block {
    /// 1-based line of the opening fence.
    pub fence_line: usize,
    /// The block's content preceded by one line break per document line before it.
    pub text: String,
    /// The tenant role its caption names, if any.
    pub role: Option<Role>,
}

/// A fence inside a PowerShell block: the block was never closed (CommonMark ends a fenced
/// block only at a bare closing fence, so "```PowerShell" is read as code).
pub struct UnclosedFence {
    pub open_line: usize,
    /// The fence line read as code, or None when the block runs to the end of the document.
    pub inner_line: Option<usize>,
}

pub struct Document {
    pub blocks: Vec<Block>,
    pub unclosed: Vec<UnclosedFence>,
}

fn fence_of(line: &str) -> Option<(char, usize, &str)> {
    let t = line.trim_start();
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    if n < 3 {
        return None;
    }
    Some((c, n, t[n..].trim()))
}

pub fn scan(md: &str) -> Document {
    let lines: Vec<&str> = md.split('\n').collect();
    let mut doc = Document { blocks: Vec::new(), unclosed: Vec::new() };
    let mut i = 0;
    // The caption of the last PowerShell block, for blocks that follow it with no prose between.
    let mut last_role: Option<Role> = None;
    let mut prose_since_block = true;
    while i < lines.len() {
        let Some((c, n, info)) = fence_of(lines[i]) else {
            if !lines[i].trim().is_empty() {
                prose_since_block = true;
            }
            i += 1;
            continue;
        };
        let lang = info.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let is_ps = POWERSHELL_INFO.contains(&lang.as_str());
        let open = i;
        let mut j = i + 1;
        let mut inner = None;
        while j < lines.len() {
            if let Some((c2, n2, info2)) = fence_of(lines[j]) {
                if c2 == c && n2 >= n && info2.is_empty() {
                    break;
                }
                if inner.is_none() && !info2.is_empty() {
                    inner = Some(j + 1);
                }
            }
            j += 1;
        }
        if is_ps {
            if inner.is_some() || j == lines.len() {
                doc.unclosed.push(UnclosedFence { open_line: open + 1, inner_line: inner });
            }
            let role = if prose_since_block { caption_role(&lines[..open]) } else { last_role };
            let mut text = "\n".repeat(open + 1);
            text.push_str(&lines[open + 1..j].join("\n"));
            text.push('\n');
            doc.blocks.push(Block { fence_line: open + 1, text, role });
            last_role = role;
            prose_since_block = false;
        } else {
            prose_since_block = true;
        }
        i = j + 1;
    }
    doc
}

/// The role named by the paragraph just above a block: its last line first, then the whole
/// paragraph.
fn caption_role(before: &[&str]) -> Option<Role> {
    let mut para: Vec<&str> =
        before.iter().rev().skip_while(|l| l.trim().is_empty()).take_while(|l| !l.trim().is_empty() && fence_of(l).is_none()).copied().collect();
    para.reverse();
    let last = para.last()?;
    role_in(last).or_else(|| role_in(&para.join(" ")))
}

fn role_in(text: &str) -> Option<Role> {
    let lower = text.to_ascii_lowercase();
    // "runs on **SOURCE**", "run on the target tenant"
    for key in ["runs on", "run on"] {
        if let Some(p) = lower.find(key) {
            let rest = lower[p + key.len()..].trim_start_matches([' ', '*', '_', ':']);
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            let both = rest.contains(" and ") && rest.find(" and ") < rest.find([')', '.', ':']);
            let either = rest.contains(" or ") && rest.find(" or ") < rest.find([')', '.', ':']);
            if !both && !either {
                if rest.starts_with("source") {
                    return Some(Role::Source);
                }
                if rest.starts_with("target") {
                    return Some(Role::Target);
                }
            }
        }
    }
    // "— TARGET:", "(SOURCE)": the role in capitals, alone.
    let upper_word = |w: &str| {
        text.match_indices(w).any(|(p, _)| {
            let before = text[..p].chars().next_back();
            let after = text[p + w.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    match (upper_word("SOURCE"), upper_word("TARGET")) {
        (true, false) => return Some(Role::Source),
        (false, true) => return Some(Role::Target),
        (true, true) => return None,
        _ => {}
    }
    // "Source tenant —", "Target format —": a caption that starts with the role.
    let start = lower.trim_start_matches(['*', '_', ' ', '-']);
    if start.starts_with("source tenant") || start.starts_with("source format") || start.starts_with("on the source") {
        return Some(Role::Source);
    }
    if start.starts_with("target tenant") || start.starts_with("target format") || start.starts_with("on the target") {
        return Some(Role::Target);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_document_lines_and_their_caption() {
        let md = "# T\n\nStep — runs on **TARGET** (not the source):\n\n```powershell\nGet-A\n```\n\n```PowerShell\nGet-B\n```\n\nSOURCE and TARGET:\n```pwsh\nGet-C\n```\n```text\nx\n```\n";
        let d = scan(md);
        assert_eq!(d.blocks.len(), 3);
        assert_eq!(d.blocks[0].text.lines().position(|l| l == "Get-A"), Some(5));
        assert_eq!(d.blocks[0].role, Some(Role::Target));
        assert_eq!(d.blocks[1].role, Some(Role::Target), "a block right after another shares its caption");
        assert_eq!(d.blocks[2].role, None);
        assert!(d.unclosed.is_empty());
    }

    #[test]
    fn a_fence_read_as_code_is_an_unclosed_block() {
        let d = scan("```powershell\nGet-A\n\ntext\n```PowerShell\nGet-B\n```\n");
        assert_eq!(d.unclosed.len(), 1);
        assert_eq!(d.unclosed[0].open_line, 1);
        assert_eq!(d.unclosed[0].inner_line, Some(5));
    }

    #[test]
    fn captions() {
        assert_eq!(role_in("`step7.md` — runs on **SOURCE**:"), Some(Role::Source));
        assert_eq!(role_in("— runs on **TARGET** (text identical to the source command; should be `<SOURCECrossTenantHostUrl>`):"), Some(Role::Target));
        assert_eq!(role_in("`step2.md` — SOURCE and TARGET:"), None);
        assert_eq!(role_in("Target format — `step6.md`:"), Some(Role::Target));
        assert_eq!(role_in("4) Status (SOURCE or TARGET; the other tenant)."), None);
        assert_eq!(role_in("Example — (the value of `-TargetUserPrincipalName` is on the next line)"), None);
    }
}
