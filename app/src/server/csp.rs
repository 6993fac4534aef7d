//! The Content-Security-Policy of every response. Scripts run only from the portal's own files
//! and from inline scripts carrying the nonce of the response they came in (leptos_axum draws a
//! fresh one per render and puts it on the hydration script); WebAssembly may be compiled, which
//! the islands need. Styles come only from the portal's own stylesheet, never from attributes.

/// The policy; `nonce` is the current render's, or `None` for responses that carry no inline
/// script (staff pages, files, server functions, errors outside the app).
pub fn policy(nonce: Option<&str>) -> String {
    let inline = nonce.map(|nonce| format!(" 'nonce-{nonce}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// During a server render: states the policy with this render's nonce in the response headers.
pub fn state_for_this_render() {
    use leptos::prelude::use_context;
    let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    if let Ok(value) = axum::http::HeaderValue::from_str(&policy(Some(&nonce.to_string()))) {
        response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn inline_scripts_need_the_nonce_and_nothing_else_is_loosened() {
        let with = policy(Some("abc123"));
        assert!(with.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"), "{with}");
        let without = policy(None);
        assert!(without.contains("script-src 'self' 'wasm-unsafe-eval';"), "{without}");
        for p in [with, without] {
            assert!(!p.contains("unsafe-inline") && !p.contains("'unsafe-eval'"), "{p}");
            assert!(p.contains("frame-ancestors 'none'") && p.contains("object-src 'none'"));
        }
    }
}
