//! Photos and brochures of listings: the checks an upload goes through, the renditions a photo is
//! turned into, the small storage interface the files are kept behind, and the `media` rows.
//!
//! Every check reads the bytes, never the file name or the content type the browser declared: a
//! renamed program is refused whatever it is called.
//!
//! - **Photos** (JPEG, PNG, WebP by their magic numbers) are measured from their header first, so
//!   that a small file claiming a huge picture (a decompression bomb) is refused before it is
//!   decoded; then decoded under `image`'s [`Limits`], turned upright by their EXIF orientation,
//!   flattened onto white, and re-encoded. Re-encoding keeps only the pixels, so EXIF (camera, GPS
//!   position), XMP and comments never reach the public site. They are re-encoded as **JPEG at
//!   quality 82**: the pure-Rust WebP encoder of `image` 0.25 writes lossless WebP only, several
//!   times larger than a JPEG for a photograph, and every browser shows JPEG.
//! - **Renditions**: the public pages show one image per photo (the gallery of a listing and its
//!   card both use the photo's `storage_key`, sized like the demo photos, 1600 pixels on the long
//!   side), and the staff pages show a thumbnail ([`SMALL_SIDE`] pixels, kept beside it under
//!   [`small_key`]). Neither is ever upscaled; the aspect ratio is kept.
//! - **Brochures** are PDF by content (`%PDF-` header, `%%EOF` at the end), refused when encrypted
//!   or when they carry JavaScript or launch actions, and kept as they are. Actions hidden inside
//!   compressed object streams are not seen by this check; the brochure is only ever offered for
//!   download, never rendered by the portal.
//!
//! Storage: [`MediaStore`] is object-safe, and the application state holds an
//! `Arc<dyn MediaStore>`, so that a deployment of several servers can put an object store behind
//! the same interface (and serve `/media` from it) without touching the upload code. [`FsStore`]
//! keeps the files under the data folder's `media` directory, which `/media` serves.

use super::entities::{audit_log, media, media_translation, opportunity, site};
use image::{
    DynamicImage, ExtendedColorType, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits,
    RgbImage, codecs::jpeg::JpegEncoder, imageops::FilterType, metadata::Orientation,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use sha2::{Digest, Sha256};
use std::future::Future;
use std::io::{self, Cursor};
use std::path::PathBuf;
use std::pin::Pin;

const MB: usize = 1024 * 1024;
/// The largest photo accepted, in bytes.
pub const MAX_PHOTO_BYTES: usize = 15 * MB;
/// The largest brochure accepted, in bytes.
pub const MAX_BROCHURE_BYTES: usize = 25 * MB;
/// The largest upload request read at all: the larger file and room for the form's other fields.
/// Bigger requests are cut off while they arrive.
pub const MAX_UPLOAD_BODY: usize = MAX_BROCHURE_BYTES + MB;
/// The longest side a photo may have, in pixels.
pub const MAX_SIDE: u32 = 12_000;
/// The most pixels a photo may have (a 48-megapixel phone camera fits).
pub const MAX_PIXELS: u64 = 50_000_000;
/// What the decoder may allocate: a photo of [`MAX_PIXELS`] with 16-bit channels and alpha.
const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 8;
/// The long side of the rendition the public pages show.
pub const LARGE_SIDE: u32 = 1600;
/// The long side of the thumbnail the staff pages show.
pub const SMALL_SIDE: u32 = 480;
/// The JPEG quality of both renditions: no visible loss for photographs, a third of quality 95.
pub const JPEG_QUALITY: u8 = 82;
/// The longest caption (the column's width).
pub const MAX_CAPTION: usize = 300;

/// Why an upload is refused, with the message shown beside the upload field (the staff area is
/// in English).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    #[error("Choose a file to upload: none was sent, or it is empty.")]
    Empty,
    #[error("The photo is {} MB; a photo may be at most {} MB.", megabytes(*.0), MAX_PHOTO_BYTES / MB)]
    PhotoTooLarge(usize),
    #[error("The brochure is {} MB; a brochure may be at most {} MB.", megabytes(*.0), MAX_BROCHURE_BYTES / MB)]
    BrochureTooLarge(usize),
    #[error(
        "The upload is larger than {} MB, more than any file may be. Photos may be at most {} MB, brochures {} MB.",
        MAX_UPLOAD_BODY / MB, MAX_PHOTO_BYTES / MB, MAX_BROCHURE_BYTES / MB
    )]
    RequestTooLarge,
    #[error("This file is not a JPEG, PNG or WebP photo (its content was checked, not its name).")]
    NotAPhoto,
    #[error("The photo cannot be read: the file is damaged or incomplete.")]
    BrokenImage,
    #[error(
        "The photo is {0} × {1} pixels; a photo may be at most {MAX_SIDE} pixels on a side and {max} megapixels in all.",
        max = MAX_PIXELS / 1_000_000
    )]
    TooManyPixels(u32, u32),
    #[error("This file is not a PDF document (its content was checked, not its name).")]
    NotAPdf,
    #[error("The PDF is incomplete: its end is missing. Upload the whole file again.")]
    TruncatedPdf,
    #[error(
        "The PDF is encrypted or password-protected. Save an unprotected copy and upload that."
    )]
    EncryptedPdf,
    #[error(
        "The PDF contains JavaScript or an action that starts a program. Save a copy without them (for example by printing it to a new PDF) and upload that."
    )]
    ActivePdf,
    #[error("The caption may be at most {MAX_CAPTION} characters.")]
    CaptionTooLong,
}

/// The SHA-256 of a file, in hex, as the `media` table keeps it.
pub fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / MB as f64)
}

/// A photo's kind of file, by its first bytes.
pub fn sniff_photo(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(ImageFormat::WebP)
    } else {
        None
    }
}

/// One stored picture of a photo.
#[derive(Debug, Clone)]
pub struct Rendition {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// A photo as it is kept: the rendition the public pages show, and the staff thumbnail.
#[derive(Debug, Clone)]
pub struct ProcessedPhoto {
    pub large: Rendition,
    pub small: Rendition,
    /// SHA-256 of the large rendition (the file the row describes), in hex.
    pub sha256: String,
}

/// Checks an uploaded photo and turns it into its renditions, without metadata.
pub fn process_photo(bytes: &[u8]) -> Result<ProcessedPhoto, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(MediaError::PhotoTooLarge(bytes.len()));
    }
    let format = sniff_photo(bytes).ok_or(MediaError::NotAPhoto)?;
    // The header alone first: a few bytes may claim billions of pixels.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| MediaError::BrokenImage)?;
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(MediaError::TooManyPixels(width, height));
    }
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(MediaError::BrokenImage);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let refused = |err: ImageError| match err {
        ImageError::Limits(_) => MediaError::TooManyPixels(width, height),
        _ => MediaError::BrokenImage,
    };
    let mut decoder = reader.into_decoder().map_err(refused)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(refused)?;
    image.apply_orientation(orientation);
    let pixels = flatten(image);
    let large = fit(&pixels, LARGE_SIDE);
    let small = fit(&large, SMALL_SIDE);
    let large = encode(&large)?;
    let small = encode(&small)?;
    let sha256 = sha256(&large.bytes);
    Ok(ProcessedPhoto { large, small, sha256 })
}

/// Whether a JPEG's segments run, marker by marker, to its end-of-image marker. The decoder fills
/// a truncated file's missing rows with grey rather than failing, so a cut-off upload would
/// otherwise be published half grey.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 1 < bytes.len() {
        if bytes[i] != 0xFF {
            return false;
        }
        let marker = bytes[i + 1];
        match marker {
            0xD9 => return true,
            // Padding before a marker.
            0xFF => i += 1,
            0x01 | 0xD0..=0xD7 => i += 2,
            _ => {
                let Some(length) = bytes.get(i + 2..i + 4) else { return false };
                i += 2 + usize::from(u16::from_be_bytes([length[0], length[1]]));
                if marker == 0xDA {
                    // Entropy-coded data runs to the next marker that is neither a stuffed zero
                    // nor a restart marker.
                    while i + 1 < bytes.len() {
                        let next = bytes[i + 1];
                        if bytes[i] == 0xFF && !matches!(next, 0x00 | 0xD0..=0xD7) {
                            break;
                        }
                        i += 1;
                    }
                }
            }
        }
    }
    false
}

/// The picture as RGB, transparent parts on white (JPEG has no transparency).
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// The picture scaled down to fit `side` × `side`, never up.
fn fit(image: &RgbImage, side: u32) -> RgbImage {
    let (width, height) = image.dimensions();
    if width <= side && height <= side {
        return image.clone();
    }
    let scale = f64::from(side) / f64::from(width.max(height));
    let scaled = |v: u32| ((f64::from(v) * scale).round() as u32).clamp(1, side);
    image::imageops::resize(image, scaled(width), scaled(height), FilterType::CatmullRom)
}

fn encode(image: &RgbImage) -> Result<Rendition, MediaError> {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
        .encode(image.as_raw(), image.width(), image.height(), ExtendedColorType::Rgb8)
        // Encoding pixels just decoded only fails on sizes the checks above already refused.
        .map_err(|_| MediaError::BrokenImage)?;
    Ok(Rendition { bytes, width: image.width(), height: image.height() })
}

/// Checks an uploaded brochure; it is kept as it is.
pub fn check_brochure(bytes: &[u8]) -> Result<(), MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if bytes.len() > MAX_BROCHURE_BYTES {
        return Err(MediaError::BrochureTooLarge(bytes.len()));
    }
    if !(bytes.starts_with(b"%PDF-1.") || bytes.starts_with(b"%PDF-2.")) {
        return Err(MediaError::NotAPdf);
    }
    // Writers may put a line end or a few bytes of padding after the end marker.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !contains(tail, b"%%EOF") {
        return Err(MediaError::TruncatedPdf);
    }
    let names = pdf_names(bytes);
    if names.iter().any(|n| n == b"Encrypt") {
        return Err(MediaError::EncryptedPdf);
    }
    if names.iter().any(|n| matches!(n.as_slice(), b"JavaScript" | b"JS" | b"Launch")) {
        return Err(MediaError::ActivePdf);
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every PDF name (`/Name`) in the file's uncompressed parts, with `#xx` escapes decoded, so that
/// `/J#53` is seen as `/JS`.
fn pdf_names(bytes: &[u8]) -> Vec<Vec<u8>> {
    let is_regular = |b: u8| {
        !b.is_ascii_whitespace()
            && b != 0
            && !matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
    };
    let hex = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let mut names = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'/' {
            i += 1;
            continue;
        }
        i += 1;
        let mut name = Vec::new();
        while i < bytes.len() && is_regular(bytes[i]) {
            match (
                bytes[i],
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (b'#', Some(high), Some(low)) => {
                    name.push(high * 16 + low);
                    i += 3;
                }
                (b, _, _) => {
                    name.push(b);
                    i += 1;
                }
            }
        }
        names.push(name);
    }
    names
}

/// The future a [`MediaStore`] method returns (boxed, so that the trait stays object-safe).
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

/// Where media files are kept, by key (`sites/s-001/4f…e1.jpg`: slash-separated, no `..`).
/// Object-safe on purpose: the state holds an `Arc<dyn MediaStore>`, so that an object store can
/// be added beside [`FsStore`] for a deployment of several servers.
pub trait MediaStore: Send + Sync + std::fmt::Debug {
    /// Keeps `bytes` under `key`, replacing what was there. Readers see the old file or the whole
    /// new one, never part of it.
    fn put<'a>(
        &'a self,
        key: &'a str,
        bytes: &'a [u8],
        content_type: &'a str,
    ) -> StoreFuture<'a, ()>;
    /// Removes the file under `key`; a key with no file is not an error.
    fn delete<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()>;
    /// Whether a file is kept under `key`.
    fn exists<'a>(&'a self, key: &'a str) -> StoreFuture<'a, bool>;
}

/// Media kept in a folder (the data folder's `media`), served under `/media`. The content type
/// is not stored: the file server derives it from the key's extension, which the upload code
/// chooses from the checked content.
#[derive(Debug, Clone)]
pub struct FsStore {
    root: PathBuf,
}

impl FsStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The file of `key`, refusing keys that would leave the folder.
    fn path(&self, key: &str) -> io::Result<PathBuf> {
        let safe = !key.is_empty()
            && key.split('/').all(|part| {
                !part.is_empty()
                    && !part.starts_with('.')
                    && part.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            });
        if safe {
            Ok(key.split('/').fold(self.root.clone(), |path, part| path.join(part)))
        } else {
            Err(io::Error::new(io::ErrorKind::InvalidInput, format!("unsafe media key {key:?}")))
        }
    }
}

impl MediaStore for FsStore {
    fn put<'a>(
        &'a self,
        key: &'a str,
        bytes: &'a [u8],
        _content_type: &'a str,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            use tokio::io::AsyncWriteExt;
            let path = self.path(key)?;
            let folder = path.parent().unwrap_or(&self.root).to_path_buf();
            tokio::fs::create_dir_all(&folder).await?;
            // Written beside its final place (the same file system, so the rename is atomic),
            // under a name no one can guess or request.
            let temporary =
                folder.join(format!(".{}.part", hex::encode(rand::random::<[u8; 12]>())));
            let written = async {
                let mut file = tokio::fs::File::create(&temporary).await?;
                file.write_all(bytes).await?;
                file.sync_all().await?;
                drop(file);
                tokio::fs::rename(&temporary, &path).await
            }
            .await;
            if written.is_err() {
                let _ = tokio::fs::remove_file(&temporary).await;
            }
            written
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            match tokio::fs::remove_file(self.path(key)?).await {
                Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            }
        })
    }

    fn exists<'a>(&'a self, key: &'a str) -> StoreFuture<'a, bool> {
        Box::pin(async move { tokio::fs::try_exists(self.path(key)?).await })
    }
}

/// The key of a photo's staff thumbnail, kept beside the photo.
pub fn small_key(key: &str) -> String {
    match key.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}-{SMALL_SIDE}.{extension}"),
        None => format!("{key}-{SMALL_SIDE}"),
    }
}

/// A new key for a file of `owner`, unguessable so that a draft's media cannot be found by
/// counting.
pub fn new_key(owner: &Owner, extension: &str) -> String {
    format!("{}/{}.{extension}", owner.folder(), hex::encode(rand::random::<[u8; 16]>()))
}

/// The listing media belong to: a site or an opportunity.
#[derive(Debug, Clone)]
pub enum Owner {
    Site(site::Model),
    Opportunity(opportunity::Model),
}

impl Owner {
    pub fn code(&self) -> &str {
        match self {
            Owner::Site(s) => &s.code,
            Owner::Opportunity(o) => &o.code,
        }
    }

    /// The entity's name in the audit log.
    pub fn entity(&self) -> &'static str {
        match self {
            Owner::Site(_) => "site",
            Owner::Opportunity(_) => "opportunity",
        }
    }

    fn folder(&self) -> String {
        let code: String = self
            .code()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect();
        match self {
            Owner::Site(_) => format!("sites/{code}"),
            Owner::Opportunity(_) => format!("opportunities/{code}"),
        }
    }

    fn filter(&self) -> sea_orm::sea_query::SimpleExpr {
        match self {
            Owner::Site(s) => media::Column::SiteId.eq(s.id),
            Owner::Opportunity(o) => media::Column::OpportunityId.eq(o.id),
        }
    }
}

/// The site or opportunity with this code, whatever its status.
pub async fn find_owner(db: &impl ConnectionTrait, code: &str) -> Result<Option<Owner>, DbErr> {
    if let Some(found) = site::Entity::find().filter(site::Column::Code.eq(code)).one(db).await? {
        return Ok(Some(Owner::Site(found)));
    }
    Ok(opportunity::Entity::find()
        .filter(opportunity::Column::Code.eq(code))
        .one(db)
        .await?
        .map(Owner::Opportunity))
}

/// A media row with its English caption.
#[derive(Debug, Clone)]
pub struct MediaItem {
    pub media: media::Model,
    pub caption: Option<String>,
}

/// The media of `owner`, photos in their order then the rest.
pub async fn list_media(db: &impl ConnectionTrait, owner: &Owner) -> Result<Vec<MediaItem>, DbErr> {
    let rows = media::Entity::find()
        .filter(owner.filter())
        .order_by_asc(media::Column::Kind)
        .order_by_asc(media::Column::Position)
        .order_by_asc(media::Column::Id)
        .all(db)
        .await?;
    let captions = media_translation::Entity::find()
        .filter(media_translation::Column::MediaId.is_in(rows.iter().map(|m| m.id)))
        .filter(media_translation::Column::Lang.eq("en"))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|media| MediaItem {
            caption: captions.iter().find(|c| c.media_id == media.id).map(|c| c.caption.clone()),
            media,
        })
        .collect())
}

/// What was stored for a new media row.
#[derive(Debug, Clone)]
pub struct NewMedia {
    /// `photo` or `brochure`.
    pub kind: &'static str,
    pub storage_key: String,
    pub original_name: String,
    pub content_type: &'static str,
    pub byte_size: usize,
    pub dimensions: Option<(u32, u32)>,
    pub sha256: String,
    pub caption: Option<String>,
}

/// Records a stored file as `owner`'s media, with its English caption, in the audit log as the
/// act of `actor`. A new brochure replaces the former one: the replaced rows are returned, for
/// their files to be removed.
pub async fn insert_media(
    db: &DatabaseConnection,
    owner: &Owner,
    new: NewMedia,
    actor: i32,
) -> Result<(media::Model, Vec<media::Model>), DbErr> {
    let txn = db.begin().await?;
    let existing = media::Entity::find().filter(owner.filter()).all(&txn).await?;
    let replaced: Vec<media::Model> = if new.kind == "brochure" {
        existing.iter().filter(|m| m.kind == "brochure").cloned().collect()
    } else {
        Vec::new()
    };
    for old in &replaced {
        remove_row(&txn, old.id).await?;
    }
    let position =
        existing.iter().filter(|m| m.kind == new.kind).map(|m| m.position + 1).max().unwrap_or(0);
    let (site_id, opportunity_id) = match owner {
        Owner::Site(s) => (Some(s.id), None),
        Owner::Opportunity(o) => (None, Some(o.id)),
    };
    let now = chrono::Utc::now();
    let row = media::ActiveModel {
        site_id: Set(site_id),
        opportunity_id: Set(opportunity_id),
        kind: Set(new.kind.to_owned()),
        storage_key: Set(new.storage_key),
        original_name: Set(new.original_name.clone()),
        content_type: Set(new.content_type.to_owned()),
        byte_size: Set(new.byte_size as i64),
        width: Set(new.dimensions.map(|(w, _)| w as i32)),
        height: Set(new.dimensions.map(|(_, h)| h as i32)),
        sha256: Set(new.sha256),
        position: Set(position),
        created_by: Set(Some(actor)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if let Some(caption) = new.caption {
        media_translation::ActiveModel {
            media_id: Set(row.id),
            lang: Set("en".to_owned()),
            caption: Set(caption),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit(
        &txn,
        actor,
        "media-upload",
        owner,
        format!("{} {} ({})", new.kind, row.id, new.original_name),
    )
    .await?;
    txn.commit().await?;
    Ok((row, replaced))
}

/// Removes media row `id` of `owner` (with its captions), in the audit log as the act of
/// `actor`. The removed row is returned, for its files to be removed; `None` when `owner` has no
/// such media.
pub async fn delete_media(
    db: &DatabaseConnection,
    owner: &Owner,
    id: i32,
    actor: i32,
) -> Result<Option<media::Model>, DbErr> {
    let txn = db.begin().await?;
    let Some(row) = media::Entity::find_by_id(id).filter(owner.filter()).one(&txn).await? else {
        return Ok(None);
    };
    remove_row(&txn, row.id).await?;
    audit(
        &txn,
        actor,
        "media-delete",
        owner,
        format!("{} {} ({})", row.kind, row.id, row.original_name),
    )
    .await?;
    txn.commit().await?;
    Ok(Some(row))
}

async fn remove_row(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    media_translation::Entity::delete_many()
        .filter(media_translation::Column::MediaId.eq(id))
        .exec(db)
        .await?;
    media::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

async fn audit(
    db: &impl ConnectionTrait,
    actor: i32,
    action: &str,
    owner: &Owner,
    detail: String,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        actor_id: Set(Some(actor)),
        action: Set(action.to_owned()),
        entity: Set(owner.entity().to_owned()),
        entity_id: Set(Some(owner.code().to_owned())),
        detail: Set(Some(detail)),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Every key a media row's files are kept under.
pub fn keys_of(row: &media::Model) -> Vec<String> {
    if row.kind == "photo" {
        vec![row.storage_key.clone(), small_key(&row.storage_key)]
    } else {
        vec![row.storage_key.clone()]
    }
}

/// Removes the files of rows already removed from the database; a failure is logged, not
/// returned (the row is gone, and an orphaned file harms no one).
pub async fn remove_files(store: &dyn MediaStore, rows: &[media::Model]) {
    for key in rows.iter().flat_map(keys_of) {
        if let Err(err) = store.delete(&key).await {
            tracing::warn!(cause = %err, key, "cannot remove a media file");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageEncoder;

    fn gradient(width: u32, height: u32) -> RgbImage {
        RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        })
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::codecs::png::PngEncoder::new(&mut bytes)
            .write_image(gradient(width, height).as_raw(), width, height, ExtendedColorType::Rgb8)
            .expect("png");
        bytes
    }

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        JpegEncoder::new_with_quality(&mut bytes, 90)
            .encode(gradient(width, height).as_raw(), width, height, ExtendedColorType::Rgb8)
            .expect("jpeg");
        bytes
    }

    /// The CRC of a PNG chunk (its type and data).
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    /// A valid small PNG whose header claims `width` × `height`.
    pub(crate) fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = png(1, 1);
        // Signature (8), then the IHDR chunk: length (4), type (4), width, height, ...
        bytes[16..20].copy_from_slice(&width.to_be_bytes());
        bytes[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    #[test]
    fn photos_are_recognised_by_content_only() {
        assert_eq!(sniff_photo(&png(2, 2)), Some(ImageFormat::Png));
        assert_eq!(sniff_photo(&jpeg(2, 2)), Some(ImageFormat::Jpeg));
        assert_eq!(sniff_photo(b"RIFF\0\0\0\0WEBPVP8 "), Some(ImageFormat::WebP));
        // A program renamed photo.jpg: ELF and PE.
        assert_eq!(
            process_photo(b"\x7fELF\x02\x01\x01\0\0\0\0\0").err(),
            Some(MediaError::NotAPhoto)
        );
        assert_eq!(process_photo(b"MZ\x90\0\x03\0\0\0\x04\0").err(), Some(MediaError::NotAPhoto));
        assert_eq!(process_photo(b"GIF89a\x01\0\x01\0").err(), Some(MediaError::NotAPhoto));
        assert_eq!(process_photo(b"").err(), Some(MediaError::Empty));
    }

    #[test]
    fn a_large_photo_is_resized_into_both_renditions_keeping_its_shape() {
        let photo = process_photo(&png(2000, 1000)).expect("accepted");
        assert_eq!((photo.large.width, photo.large.height), (1600, 800));
        assert_eq!((photo.small.width, photo.small.height), (480, 240));
        let decoded = image::load_from_memory(&photo.large.bytes).expect("decodes");
        assert_eq!((decoded.width(), decoded.height()), (1600, 800));
        assert_eq!(sniff_photo(&photo.large.bytes), Some(ImageFormat::Jpeg));
        assert_eq!(photo.sha256, hex::encode(Sha256::digest(&photo.large.bytes)));
        // A portrait photo is bounded by its height.
        let tall = process_photo(&jpeg(300, 2400)).expect("accepted");
        assert_eq!((tall.large.width, tall.large.height), (200, 1600));
        assert_eq!((tall.small.width, tall.small.height), (60, 480));
    }

    #[test]
    fn a_webp_photo_is_accepted_and_kept_as_jpeg() {
        let (width, height) = (90, 60);
        let mut webp = Vec::new();
        image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
            .encode(gradient(width, height).as_raw(), width, height, ExtendedColorType::Rgb8)
            .expect("webp");
        assert_eq!(sniff_photo(&webp), Some(ImageFormat::WebP));
        let photo = process_photo(&webp).expect("accepted");
        assert_eq!(sniff_photo(&photo.large.bytes), Some(ImageFormat::Jpeg));
        assert_eq!((photo.large.width, photo.large.height), (90, 60));
        assert_eq!(process_photo(&webp[..webp.len() / 2]).err(), Some(MediaError::BrokenImage));
    }

    #[test]
    fn a_small_photo_is_never_upscaled() {
        let photo = process_photo(&jpeg(320, 200)).expect("accepted");
        assert_eq!((photo.large.width, photo.large.height), (320, 200));
        assert_eq!((photo.small.width, photo.small.height), (320, 200));
    }

    #[test]
    fn metadata_does_not_survive_re_encoding() {
        let original = jpeg(64, 48);
        let exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0GPS 41.3N 69.2E";
        let mut with_exif = original[..2].to_vec();
        with_exif.extend_from_slice(&[0xFF, 0xE1]);
        with_exif.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        with_exif.extend_from_slice(exif);
        with_exif.extend_from_slice(&original[2..]);
        assert!(contains(&with_exif, b"Exif"));
        let photo = process_photo(&with_exif).expect("accepted");
        assert!(!contains(&photo.large.bytes, b"Exif"));
        assert!(!contains(&photo.large.bytes, b"GPS"));
        assert!(!contains(&photo.small.bytes, b"Exif"));
    }

    #[test]
    fn broken_and_truncated_images_are_refused() {
        let whole = jpeg(64, 64);
        assert!(process_photo(&whole).is_ok());
        let truncated = &whole[..whole.len() / 2];
        assert_eq!(process_photo(truncated).err(), Some(MediaError::BrokenImage));
        let mut corrupt = whole.clone();
        for byte in corrupt.iter_mut().skip(20).take(200) {
            *byte = 0x5A;
        }
        assert_eq!(process_photo(&corrupt).err(), Some(MediaError::BrokenImage));
        let png = png(64, 64);
        assert_eq!(process_photo(&png[..png.len() - 30]).err(), Some(MediaError::BrokenImage));
        assert_eq!(process_photo(&png[..40]).err(), Some(MediaError::BrokenImage));
    }

    #[test]
    fn a_header_claiming_a_huge_picture_is_refused_before_decoding() {
        assert_eq!(
            process_photo(&png_claiming(100_000, 100_000)).err(),
            Some(MediaError::TooManyPixels(100_000, 100_000))
        );
        // Within the side limit, beyond the pixel budget.
        assert_eq!(
            process_photo(&png_claiming(10_000, 10_000)).err(),
            Some(MediaError::TooManyPixels(10_000, 10_000))
        );
    }

    #[test]
    fn oversized_files_are_refused_with_their_size() {
        let mut big = png(8, 8);
        big.resize(MAX_PHOTO_BYTES + 1, 0);
        let refused = process_photo(&big).expect_err("too large");
        assert_eq!(refused, MediaError::PhotoTooLarge(MAX_PHOTO_BYTES + 1));
        assert_eq!(refused.to_string(), "The photo is 15.0 MB; a photo may be at most 15 MB.");
        let mut pdf = minimal_pdf();
        pdf.resize(MAX_BROCHURE_BYTES + MB, b' ');
        assert_eq!(check_brochure(&pdf).err(), Some(MediaError::BrochureTooLarge(26 * MB)));
    }

    pub(crate) fn minimal_pdf() -> Vec<u8> {
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec()
    }

    fn pdf_with(object: &str) -> Vec<u8> {
        let pdf = String::from_utf8(minimal_pdf()).expect("ascii");
        pdf.replace("/Type /Catalog", &format!("/Type /Catalog {object}")).into_bytes()
    }

    #[test]
    fn brochures_are_pdf_by_content_without_scripts_or_encryption() {
        assert_eq!(check_brochure(&minimal_pdf()), Ok(()));
        assert_eq!(check_brochure(b"\x7fELF\x02\x01\x01"), Err(MediaError::NotAPdf));
        assert_eq!(check_brochure(&png(4, 4)), Err(MediaError::NotAPdf));
        let pdf = minimal_pdf();
        assert_eq!(check_brochure(&pdf[..pdf.len() - 10]), Err(MediaError::TruncatedPdf));
        let script = "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>";
        assert_eq!(check_brochure(&pdf_with(script)), Err(MediaError::ActivePdf));
        let escaped = "/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >>";
        assert_eq!(check_brochure(&pdf_with(escaped)), Err(MediaError::ActivePdf));
        let launch = "/OpenAction << /S /Launch /F (cmd.exe) >>";
        assert_eq!(check_brochure(&pdf_with(launch)), Err(MediaError::ActivePdf));
        assert_eq!(check_brochure(&pdf_with("/Encrypt 9 0 R")), Err(MediaError::EncryptedPdf));
        // Names that merely begin like them are fine.
        assert_eq!(check_brochure(&pdf_with("/JSON (x) /Launcher (y)")), Ok(()));
    }

    #[tokio::test]
    async fn the_folder_store_writes_whole_files_and_refuses_keys_leaving_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = FsStore::new(dir.path());
        store.put("sites/s-1/a.jpg", b"one", "image/jpeg").await.expect("put");
        store.put("sites/s-1/a.jpg", b"two", "image/jpeg").await.expect("replace");
        assert_eq!(std::fs::read(dir.path().join("sites/s-1/a.jpg")).expect("file"), b"two");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path().join("sites/s-1")).expect("dir").count(), 1);
        assert!(store.exists("sites/s-1/a.jpg").await.expect("exists"));
        store.delete("sites/s-1/a.jpg").await.expect("delete");
        assert!(!store.exists("sites/s-1/a.jpg").await.expect("exists"));
        store.delete("sites/s-1/a.jpg").await.expect("deleting nothing is fine");
        for key in ["../x.jpg", "/etc/passwd", "sites/../../x", "sites//x", "a\\b", ""] {
            assert!(store.put(key, b"x", "image/jpeg").await.is_err(), "{key}");
        }
    }

    #[test]
    fn the_demo_photos_read_as_complete_jpegs() {
        for name in ["production-hall.jpg", "warehouse.jpg", "office.jpg"] {
            let path = format!("{}/src/server/seed/data/photos/{name}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(&path).expect("demo photo");
            assert!(jpeg_is_complete(&bytes), "{name}");
            assert!(!jpeg_is_complete(&bytes[..bytes.len() - 100]), "{name} cut short");
        }
    }

    #[test]
    fn thumbnails_are_kept_beside_their_photo() {
        assert_eq!(small_key("sites/s-1/ab.jpg"), "sites/s-1/ab-480.jpg");
    }
}
