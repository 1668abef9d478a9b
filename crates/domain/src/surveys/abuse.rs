//! When a response looks like ballot stuffing. Such a response is stored but kept out of the index until staff
//! accept it; nothing a respondent says is ever needed to decide.

/// Responses from one network address to one survey within [`WINDOW_MS`] before a further one is flagged.
// Source: ours (PermenPANRB 14/2017 sets no such rule); several honest respondents can share an office or mobile
// network address, so the limit flags for review instead of refusing.
pub const SAME_ADDRESS_LIMIT: u64 = 5;

/// The window of [`SAME_ADDRESS_LIMIT`]: 30 minutes.
pub const WINDOW_MS: i64 = 30 * 60 * 1000;

/// Shortest believable time between two responses on one kiosk: 15 seconds (reading nine questions takes longer).
// Source: ours; a kiosk resets after each response, so faster ones are a finger on the button, not a respondent.
pub const KIOSK_GAP_MS: i64 = 15 * 1000;

/// What the server knows when a response arrives.
#[derive(Clone, Copy, Debug)]
pub enum Arrival {
    /// From a phone or browser: responses from the same address to this survey in the last [`WINDOW_MS`].
    Web {
        /// Earlier responses in the window.
        same_address_recently: u64,
    },
    /// From a kiosk: milliseconds since its previous response, if any.
    Kiosk {
        /// Gap to the previous response.
        since_previous_ms: Option<i64>,
    },
}

/// Whether the response is to be held for review.
pub fn is_burst(arrival: Arrival) -> bool {
    match arrival {
        Arrival::Web { same_address_recently } => same_address_recently >= SAME_ADDRESS_LIMIT,
        Arrival::Kiosk { since_previous_ms } => since_previous_ms.is_some_and(|gap| gap < KIOSK_GAP_MS),
    }
}

#[cfg(test)]
mod tests {
    use super::{Arrival, is_burst};

    #[test]
    fn the_sixth_response_from_one_address_is_flagged() {
        assert!(!is_burst(Arrival::Web { same_address_recently: 4 }));
        assert!(is_burst(Arrival::Web { same_address_recently: 5 }));
    }

    #[test]
    fn a_kiosk_is_flagged_only_when_faster_than_a_person() {
        assert!(!is_burst(Arrival::Kiosk { since_previous_ms: None }));
        assert!(!is_burst(Arrival::Kiosk { since_previous_ms: Some(15_000) }));
        assert!(is_burst(Arrival::Kiosk { since_previous_ms: Some(14_999) }));
    }
}
