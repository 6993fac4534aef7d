//! The HTML shell and the routes.

use crate::components::layout::LanguageLayout;
use crate::pages::{
    about_page::{AboutPage, PrivacyPage},
    compare_page::ComparePage,
    contact_page::ContactPage,
    home_page::HomePage,
    inquire_page::InquirePage,
    not_found_page::NotFoundPage,
    open_data_page::OpenDataPage,
    opportunities_page::OpportunitiesPage,
    opportunity_page::OpportunityPage,
    site_page::SitePage,
    sites_page::SitesPage,
    tracking_page::TrackingPage,
};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{ParentRoute, Route, Router, Routes},
    path,
};

/// The document around every page. `<html lang dir>` is filled in by the language layout during
/// server rendering, so an Arabic page is right-to-left from the first byte.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::csp::state_for_this_render();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The absolute base URL of the portal (no trailing slash), for canonical and alternate links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(pub String);

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage /> }>
                // Whole pages are rendered before the first byte is sent: they read right
                // without JavaScript, and their <title> and meta tags come from the data.
                <ParentRoute path=path!("/:lang") view=LanguageLayout ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("sites") view=SitesPage />
                    <Route path=path!("sites/:slug") view=SitePage />
                    <Route path=path!("opportunities") view=OpportunitiesPage />
                    <Route path=path!("opportunities/:slug") view=OpportunityPage />
                    <Route path=path!("compare") view=ComparePage />
                    <Route path=path!("about") view=AboutPage />
                    <Route path=path!("contact") view=ContactPage />
                    <Route path=path!("privacy") view=PrivacyPage />
                    <Route path=path!("open-data") view=OpenDataPage />
                    <Route path=path!("inquire") view=InquirePage />
                    <Route path=path!("inquiry/:token") view=TrackingPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
