//! Full-text search that finds words in every language, Chinese and Korean included.
//!
//! Every text of a listing is cut into tokens stored in `search_token`, with an index on the
//! token. Words of alphabetic scripts (Latin, Cyrillic, Arabic) are tokens; runs of Chinese,
//! Japanese or Korean characters, which are not separated by spaces, are cut into overlapping
//! pairs of characters (bigrams), so that any two-character word inside a longer run is found. A
//! query is cut the same way; a listing matches when every query token is a prefix of one of its
//! tokens, which also finds "warehouse" for "ware" and 仓库 for 仓.

use super::entities::search_token;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    sea_query::{Expr, ExprTrait, Query, SimpleExpr},
};

/// The longest token kept; longer words are cut (no real word of the listings is longer).
const MAX_TOKEN_CHARS: usize = 64;

/// Which table a token belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListingKind {
    Site,
    Opportunity,
}

impl ListingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ListingKind::Site => "site",
            ListingKind::Opportunity => "opportunity",
        }
    }
}

/// Replaces the tokens of one listing by those of `texts`.
pub async fn index_listing<'a>(
    db: &impl ConnectionTrait,
    kind: ListingKind,
    id: i32,
    texts: impl IntoIterator<Item = &'a str>,
) -> Result<(), DbErr> {
    search_token::Entity::delete_many()
        .filter(search_token::Column::ListingKind.eq(kind.as_str()))
        .filter(search_token::Column::ListingId.eq(id))
        .exec(db)
        .await?;
    let mut all: Vec<String> = Vec::new();
    for text in texts {
        for token in tokens(text) {
            let token: String = token.chars().take(MAX_TOKEN_CHARS).collect();
            if !all.contains(&token) {
                all.push(token);
            }
        }
    }
    // In batches: one statement per row would make seeding slow, one for all may exceed the
    // databases' limits on bound parameters.
    for chunk in all.chunks(500) {
        let rows = chunk.iter().map(|token| search_token::ActiveModel {
            listing_kind: Set(kind.as_str().to_owned()),
            listing_id: Set(id),
            token: Set(token.clone()),
            ..Default::default()
        });
        search_token::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

/// A condition on `id_column` that holds for the listings matching every token of `query`, or
/// `None` when the query has no token (no condition).
pub fn matching(
    kind: ListingKind,
    id_column: impl sea_orm::sea_query::IntoColumnRef + Clone,
    query: &str,
) -> Option<SimpleExpr> {
    let tokens = tokens(query);
    let mut condition: Option<SimpleExpr> = None;
    for token in tokens.iter().take(8) {
        let token: String = token.chars().take(MAX_TOKEN_CHARS).collect();
        let mut subquery = Query::select();
        subquery
            .column(search_token::Column::ListingId)
            .from(search_token::Entity)
            .and_where(Expr::col(search_token::Column::ListingKind).eq(kind.as_str()))
            .and_where(Expr::col(search_token::Column::Token).gte(token.clone()))
            .and_where(Expr::col(search_token::Column::Token).lt(upper_bound(&token)));
        let this = Expr::col(id_column.clone()).in_subquery(subquery);
        condition = Some(match condition {
            Some(previous) => previous.and(this),
            None => this,
        });
    }
    condition
}

/// Arabic diacritics (tashkeel) and the tatweel, which readers and writers use inconsistently.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Characters written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'      // kana
        | '\u{3400}'..='\u{4DBF}'    // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'    // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'    // CJK compatibility ideographs
        | '\u{1100}'..='\u{11FF}'    // Hangul jamo
        | '\u{3130}'..='\u{318F}'    // Hangul compatibility jamo
        | '\u{AC00}'..='\u{D7AF}'    // Hangul syllables
    )
}

/// One character as it is compared: lower case, Arabic letter variants folded.
fn fold(c: char) -> impl Iterator<Item = char> {
    let c = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        other => other,
    };
    c.to_lowercase()
}

/// The tokens of a text, in order of appearance, without duplicates.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |token: String, out: &mut Vec<String>| {
        if !token.is_empty() && !out.contains(&token) {
            out.push(token);
        }
    };
    let mut word = String::new();
    let mut run: Vec<char> = Vec::new();
    let flush_word = |word: &mut String,
                      out: &mut Vec<String>,
                      push: &mut dyn FnMut(String, &mut Vec<String>)| {
        if word.is_empty() {
            return;
        }
        let token = std::mem::take(word);
        // The Arabic article is written joined to its noun: المستودع is also found as مستودع.
        if let Some(stem) = token.strip_prefix("ال").filter(|s| s.chars().count() >= 2) {
            push(stem.to_owned(), out);
        }
        push(token, out);
    };
    let flush_run = |run: &mut Vec<char>,
                     out: &mut Vec<String>,
                     push: &mut dyn FnMut(String, &mut Vec<String>)| {
        match run.len() {
            0 => {}
            1 => push(run[0].to_string(), out),
            _ => {
                for pair in run.windows(2) {
                    push(pair.iter().collect(), out);
                }
            }
        }
        run.clear();
    };
    for c in text.chars().filter(|c| !is_arabic_mark(*c)) {
        if is_cjk(c) {
            flush_word(&mut word, &mut out, &mut push);
            run.push(c);
        } else if c.is_alphanumeric() {
            flush_run(&mut run, &mut out, &mut push);
            word.extend(fold(c));
        } else {
            flush_word(&mut word, &mut out, &mut push);
            flush_run(&mut run, &mut out, &mut push);
        }
    }
    flush_word(&mut word, &mut out, &mut push);
    flush_run(&mut run, &mut out, &mut push);
    out
}

/// The smallest string greater than every string that starts with `prefix`, so that a prefix
/// search is the index range `prefix <= token < upper_bound(prefix)` on every database.
pub fn upper_bound(prefix: &str) -> String {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char::from_u32(u32::from(last) + 1) {
            chars.push(next);
            return chars.into_iter().collect();
        }
    }
    // Only possible for a prefix of U+10FFFF characters: nothing is greater.
    String::from(char::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_are_lower_cased_and_split() {
        assert_eq!(
            tokens("Cold-store WAREHOUSE, KZ-W2"),
            ["cold", "store", "warehouse", "kz", "w2"]
        );
    }

    #[test]
    fn chinese_runs_become_overlapping_pairs() {
        assert_eq!(tokens("冷链仓库"), ["冷链", "链仓", "仓库"]);
        assert_eq!(tokens("仓 库"), ["仓", "库"]);
        // Mixed text: Latin words and Chinese runs apart.
        assert_eq!(tokens("PVC管材厂"), ["pvc", "管材", "材厂"]);
    }

    #[test]
    fn korean_runs_become_pairs_too() {
        assert_eq!(tokens("물류 창고"), ["물류", "창고"]);
        assert_eq!(tokens("냉동창고를"), ["냉동", "동창", "창고", "고를"]);
    }

    #[test]
    fn arabic_marks_and_letter_variants_are_folded_and_the_article_is_optional() {
        assert_eq!(tokens("المستودع"), ["مستودع", "المستودع"]);
        assert_eq!(tokens("مُستودَع"), ["مستودع"]);
        assert_eq!(tokens("أرض"), ["ارض"]);
    }

    #[test]
    fn upper_bounds_close_prefix_ranges() {
        assert_eq!(upper_bound("ware"), "warf");
        assert_eq!(upper_bound("仓"), "仔");
        assert!(upper_bound("ware").as_str() > "warehouse");
    }
}
