//! `--state FILE`: the whole world as JSON, loaded at start when the file exists and saved back
//! atomically (write a temporary file next to it, then rename) when the run ends.

use std::io::Write;
use std::path::Path;

use crate::sim::world::World;

pub fn load(path: &Path) -> Result<Option<World>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read state file {}: {e}", path.display())),
    };
    let mut w: World = serde_json::from_str(&text).map_err(|e| format!("state file {} is not a tenantsim world: {e}", path.display()))?;
    w.rebuild_indexes();
    Ok(Some(w))
}

pub fn save(path: &Path, world: &World) -> Result<(), String> {
    let json = serde_json::to_vec(world).map_err(|e| format!("cannot serialise the world: {e}"))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "state.json".into());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot save state to {}: {e}", path.display())
    })
}
