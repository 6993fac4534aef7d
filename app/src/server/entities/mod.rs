//! sea-orm entities: what the database stores, one module per table. Behaviour lives in the
//! data-access modules beside this one, not here.

pub mod audit_log;
pub mod desk;
pub mod exchange_rate;
pub mod inquiry;
pub mod inquiry_event;
pub mod inquiry_listing;
pub mod media;
pub mod media_translation;
pub mod opportunity;
pub mod opportunity_site;
pub mod opportunity_translation;
pub mod outbox;
pub mod routing_rule;
pub mod search_token;
pub mod site;
pub mod site_translation;
pub mod staff_recovery_code;
pub mod staff_session;
pub mod staff_user;
