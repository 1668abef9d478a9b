//! The production id source: time-ordered UUIDs and secrets from the operating system's generator.

use rand::TryRngCore;
use rand::rngs::OsRng;

/// UUID v7 ids (time-ordered, so new rows append to indexes) and 32-byte secrets from the OS.
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomIds;

impl store::IdSource for RandomIds {
    fn new_id(&self) -> String {
        uuid::Uuid::now_v7().to_string()
    }

    fn secret(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        // The OS generator failing means the machine cannot make any secret safely; stopping is the only option.
        OsRng.try_fill_bytes(&mut out).expect("the operating system's random generator is available");
        out
    }
}
