//! What the inquiry pages receive: the form's listings, and the investor's private page.

use super::{InquiryStatus, ListingLink};
use serde::{Deserialize, Serialize};

/// What the inquiry form shows besides its fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryFormData {
    /// The working days within which the center answers.
    pub reply_days: u32,
    /// The published listings the inquiry will concern.
    pub listings: Vec<ListingLink>,
    /// `(code, name)` of every country, in the page's language, ordered by name.
    pub countries: Vec<(String, String)>,
}

/// A submitted form being shown again: what the investor typed, and each field's problem.
/// Provided as context when the server answers a POST that it could not accept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Submission {
    pub values: Vec<(String, String)>,
    /// `(field name, message in the page's language)`.
    pub errors: Vec<(String, String)>,
    /// A problem with the whole form (too many inquiries, the database unavailable).
    pub notice: Option<String>,
}

impl Submission {
    pub fn value(&self, name: &str) -> Option<String> {
        self.values.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone())
    }

    pub fn values_of(&self, name: &str) -> Vec<String> {
        self.values.iter().filter(|(key, _)| key == name).map(|(_, value)| value.clone()).collect()
    }

    pub fn error(&self, name: &str) -> Option<String> {
        self.errors.iter().find(|(key, _)| key == name).map(|(_, message)| message.clone())
    }
}

/// One step of an inquiry's history, as the investor sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingEvent {
    pub date: String,
    pub label: String,
}

/// The investor's private page of an inquiry: nothing another person could misuse (no message,
/// no phone; the email address masked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingView {
    pub reference: String,
    pub status: InquiryStatus,
    pub status_label: String,
    pub sent_on: String,
    pub masked_email: String,
    pub reply_days: u32,
    pub listings: Vec<ListingLink>,
    pub events: Vec<TrackingEvent>,
}
