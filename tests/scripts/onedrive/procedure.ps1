# The documented procedure (steps 1-7) on the default scenario: scripts/onedrive-t2t.ps1.
& ./scripts/onedrive-t2t.ps1
