//! The translations are complete and consistent: every locale defines the same messages with the
//! same variables, every message the code asks for exists, and no message is left unused.

use app::models::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Messages = BTreeMap<String, BTreeSet<String>>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn collect_variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, into);
        }
    }
}

fn collect_expression(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            collect_inline(selector, into);
            for variant in variants {
                collect_variables(&variant.value, into);
            }
        }
        Expression::Inline(inline) => collect_inline(inline, into),
    }
}

fn collect_inline(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => collect_expression(expression, into),
        _ => {}
    }
}

/// Every locale folder and its messages with their variables.
fn locales() -> BTreeMap<String, Messages> {
    let mut out = BTreeMap::new();
    for dir in std::fs::read_dir(root().join("locales")).expect("locales/ exists") {
        let dir = dir.expect("readable").path();
        let lang = dir.file_name().expect("named").to_string_lossy().into_owned();
        let mut messages = Messages::new();
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&dir).expect("readable").map(|f| f.expect("file").path()).collect();
        files.sort();
        for file in files {
            let source = std::fs::read_to_string(&file).expect("readable");
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
            for entry in resource.body {
                match entry {
                    Entry::Message(message) => {
                        let mut variables = BTreeSet::new();
                        if let Some(value) = &message.value {
                            collect_variables(value, &mut variables);
                        }
                        let id = message.id.name.to_owned();
                        assert!(
                            messages.insert(id.clone(), variables).is_none(),
                            "{lang}: {id} is defined twice"
                        );
                    }
                    Entry::Junk { content } => {
                        panic!("{}: cannot parse {content:?}", file.display())
                    }
                    _ => {}
                }
            }
        }
        out.insert(lang, messages);
    }
    out
}

fn rust_sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).expect("readable"));
        }
    }
}

/// The source of the application and the server.
fn sources() -> String {
    let mut out = Vec::new();
    rust_sources(&root().join("app/src"), &mut out);
    rust_sources(&root().join("src"), &mut out);
    out.join("\n")
}

/// Message ids that the code builds from the vocabulary rather than writing them out.
fn vocabulary_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    macro_rules! all {
        ($($list:ty),+) => { $( for v in <$list>::ALL { ids.insert(v.message_id()); } )+ };
    }
    all!(
        Side,
        OpportunitySide,
        Regime,
        Zone,
        SiteKind,
        Tenure,
        Availability,
        Sector,
        Stage,
        Partnership,
        AreaUnit,
        Currency,
        InvestorType,
        InvestmentRange,
        HeardFrom,
        InquiryStatus
    );
    // Each currency is also named inside sums.
    for currency in Currency::ALL {
        ids.insert(format!("{}-unit", currency.message_id()));
    }
    for code in COUNTRIES {
        ids.insert(format!("country-{code}"));
    }
    // The steps of an inquiry's history, as stored in inquiry_event.kind.
    for kind in ["received", "routed", "assigned", "answered", "closed"] {
        ids.insert(format!("inquiry-event-{kind}"));
    }
    for regime in Regime::ALL {
        ids.insert(format!("{}-description", regime.message_id()));
    }
    for sort in SiteSort::ALL {
        ids.insert(sort.message_id());
    }
    ids
}

/// Families of ids the code builds with `format!` from short literals.
const BUILT_FAMILIES: &[&str] = &["language-", "measure-", "unit-", "month-", "desk-"];

#[test]
fn every_locale_has_the_same_messages_with_the_same_variables() {
    let locales = locales();
    let english = locales.get("en").expect("English is there");
    assert!(locales.len() >= 4, "{:?}", locales.keys());
    for (lang, messages) in &locales {
        let missing: Vec<&String> =
            english.keys().filter(|id| !messages.contains_key(*id)).collect();
        let extra: Vec<&String> = messages.keys().filter(|id| !english.contains_key(*id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
        for (id, variables) in messages {
            assert_eq!(variables, &english[id], "{lang}: {id} has other variables than in English");
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let english = &locales()["en"];
    let source = sources();
    let mut asked = BTreeSet::new();
    for pattern in [
        r#"\bt(?:_with)?\(\s*"([a-z0-9-]+)""#,
        r#"\btext(?:_with)?\(\s*[a-z_&.]+,\s*"([a-z0-9-]+)""#,
        r#"\bspec\(\s*lang,\s*"([a-z0-9-]+)""#,
    ] {
        let regex = regex_lite::Regex::new(pattern).expect("valid");
        for capture in regex.captures_iter(&source) {
            asked.insert(capture[1].to_owned());
        }
    }
    asked.extend(vocabulary_ids());
    assert!(asked.len() > 50, "the scan found the calls ({})", asked.len());
    let missing: Vec<&String> = asked.iter().filter(|id| !english.contains_key(*id)).collect();
    assert!(missing.is_empty(), "asked for but not defined: {missing:?}");
}

#[test]
fn no_message_is_left_unused() {
    let english = &locales()["en"];
    let source = sources();
    let vocabulary = vocabulary_ids();
    let unused: Vec<&String> = english
        .keys()
        .filter(|id| {
            !vocabulary.contains(*id)
                && !BUILT_FAMILIES.iter().any(|family| id.starts_with(family))
                && !source.contains(&format!("\"{id}\""))
        })
        .collect();
    assert!(unused.is_empty(), "defined but never used: {unused:?}");
}
