//! The photos and brochure of a listing: the list, the upload form, deletion (editors and admins).
//! The checks, the renditions and the storage are in `app::server::media`.

use super::{esc, html, page, staff};
use app::models::Role;
use app::server::AppState;
use app::server::entities::{media, staff_user};
use app::server::media::{self as files, MediaError, MediaItem, NewMedia, Owner, ProcessedPhoto};
use axum::{
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use sea_orm::DatabaseConnection;

/// The signed-in editor or admin, or the answer for anyone else.
async fn editor(
    state: &AppState,
    headers: &HeaderMap,
    back: &str,
) -> Result<staff_user::Model, Response> {
    let user = staff(state, headers, back).await?;
    if matches!(user.role.parse(), Ok(Role::Editor | Role::Admin)) {
        Ok(user)
    } else {
        Err(html(
            StatusCode::FORBIDDEN,
            page("Not allowed", Some(&user), "<h1>Only editors and admins manage media</h1>"),
        ))
    }
}

fn media_path(code: &str) -> String {
    let code: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
    format!("/admin/listings/{code}/media")
}

/// A line for the listing editor: how many photos, whether there is a brochure, and the way to
/// the media page. Empty when no listing has this code.
pub async fn media_summary(db: &DatabaseConnection, code: &str) -> Result<String, sea_orm::DbErr> {
    let Some(owner) = files::find_owner(db, code).await? else {
        return Ok(String::new());
    };
    let items = files::list_media(db, &owner).await?;
    let photos = items.iter().filter(|i| i.media.kind == "photo").count();
    let brochure = items.iter().any(|i| i.media.kind == "brochure");
    Ok(format!(
        "<p data-test=\"media-summary\" data-photos=\"{photos}\" data-brochure=\"{brochure}\">{photos} {}, brochure: {} — <a href=\"{}\">manage media</a></p>",
        if photos == 1 { "photo" } else { "photos" },
        if brochure { "yes" } else { "no" },
        esc(&media_path(owner.code()))
    ))
}

fn kilobytes(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// What the upload form shows again after a refusal.
#[derive(Default)]
struct Attempt {
    problem: Option<String>,
    kind: String,
    caption: String,
}

fn media_page(
    user: &staff_user::Model,
    owner: &Owner,
    items: &[MediaItem],
    thumbnails: &[String],
    attempt: &Attempt,
) -> String {
    let path = esc(&media_path(owner.code()));
    let delete = |item: &MediaItem| {
        format!(
            "<form method=\"post\" action=\"{path}/{}/delete\"><button type=\"submit\" data-test=\"delete-media\">Delete</button></form>",
            item.media.id
        )
    };
    let mut photos = String::new();
    for (item, thumbnail) in items.iter().filter(|i| i.media.kind == "photo").zip(thumbnails) {
        let m = &item.media;
        let caption = item.caption.clone().unwrap_or_default();
        photos.push_str(&format!(
            "<tr data-test=\"media-row\" data-id=\"{id}\" data-kind=\"photo\"><td>{position}</td>\
             <td><img src=\"/media/{thumb}\" alt=\"{alt}\" width=\"160\" loading=\"lazy\"></td>\
             <td>{caption}</td><td>{w} × {h} px, {size}<br><bdi>{name}</bdi></td><td>{delete}</td></tr>",
            id = m.id,
            position = m.position + 1,
            thumb = esc(thumbnail),
            alt = esc(&caption),
            caption = if caption.is_empty() {
                "<em>none: the listing's title is read instead</em>".to_owned()
            } else {
                esc(&caption)
            },
            w = m.width.unwrap_or_default(),
            h = m.height.unwrap_or_default(),
            size = kilobytes(m.byte_size),
            name = esc(&m.original_name),
            delete = delete(item),
        ));
    }
    let photos = if photos.is_empty() {
        "<p data-test=\"no-photos\">No photos yet.</p>".to_owned()
    } else {
        format!(
            "<table class=\"compare-table\" data-test=\"photos\"><thead><tr><th>Order</th><th>Photo</th><th>Caption (English)</th><th>File</th><th></th></tr></thead><tbody>{photos}</tbody></table>"
        )
    };
    let brochure = items.iter().find(|i| i.media.kind == "brochure").map_or_else(
        || "<p data-test=\"no-brochure\">No brochure yet.</p>".to_owned(),
        |item| {
            format!(
                "<div data-test=\"media-row\" data-id=\"{}\" data-kind=\"brochure\"><p><a href=\"/media/{}\"><bdi>{}</bdi></a> (PDF, {})</p>{}</div>",
                item.media.id,
                esc(&item.media.storage_key),
                esc(&item.media.original_name),
                kilobytes(item.media.byte_size),
                delete(item)
            )
        },
    );
    let problem = attempt.problem.as_ref().map_or_else(String::new, |p| {
        format!(
            "<p class=\"field-error\" id=\"file-error\" role=\"alert\" data-test=\"upload-error\">{}</p>",
            esc(p)
        )
    });
    let invalid = if attempt.problem.is_some() { " aria-invalid=\"true\"" } else { "" };
    let checked = |kind: &str| {
        let chosen = if attempt.kind.is_empty() { "photo" } else { attempt.kind.as_str() };
        if chosen == kind { " checked" } else { "" }
    };
    let body = format!(
        "<p class=\"breadcrumb\"><a href=\"/admin/listings\">Listings</a></p>\
         <h1>Media of {entity} <bdi>{code}</bdi></h1>\
         <h2>Photos</h2>{photos}<h2>Brochure</h2>{brochure}\
         <h2>Upload</h2>\
         <form class=\"inquiry-form\" method=\"post\" action=\"{path}\" enctype=\"multipart/form-data\" data-test=\"upload-form\">\
         <fieldset><legend>Kind of file</legend>\
         <label><input type=\"radio\" name=\"kind\" value=\"photo\"{photo_checked}> Photo</label> \
         <label><input type=\"radio\" name=\"kind\" value=\"brochure\"{brochure_checked}> Brochure (replaces the current one)</label></fieldset>\
         <div class=\"field\"><label for=\"file\">File</label>\
         <input id=\"file\" name=\"file\" type=\"file\" accept=\"image/jpeg,image/png,image/webp,application/pdf\" required aria-describedby=\"file-help{error_id}\"{invalid}>\
         <p id=\"file-help\">Photos: JPEG, PNG or WebP, at most {photo_mb} MB and {max_mp} megapixels; they are resized to {large} pixels on the long side and their camera data (including GPS position) is removed. Brochures: PDF, at most {brochure_mb} MB, without passwords or scripts.</p>{problem}</div>\
         <div class=\"field\"><label for=\"caption\">Caption in English (photos only; read to visitors who cannot see the photo)</label>\
         <input id=\"caption\" name=\"caption\" maxlength=\"{max_caption}\" value=\"{caption}\"></div>\
         <button type=\"submit\" class=\"button-primary\">Upload</button></form>",
        entity = owner.entity(),
        code = esc(owner.code()),
        photo_checked = checked("photo"),
        brochure_checked = checked("brochure"),
        error_id = if attempt.problem.is_some() { " file-error" } else { "" },
        photo_mb = files::MAX_PHOTO_BYTES / (1024 * 1024),
        brochure_mb = files::MAX_BROCHURE_BYTES / (1024 * 1024),
        max_mp = files::MAX_PIXELS / 1_000_000,
        large = files::LARGE_SIDE,
        max_caption = files::MAX_CAPTION,
        caption = esc(&attempt.caption),
    );
    page(&format!("Media of {}", owner.code()), Some(user), &body)
}

/// The media page of the listing `code`, with `status`.
async fn show(
    state: &AppState,
    user: &staff_user::Model,
    code: &str,
    status: StatusCode,
    attempt: &Attempt,
) -> Response {
    let loaded = async {
        let Some(owner) = files::find_owner(&state.db, code).await? else {
            return Ok(None);
        };
        let items = files::list_media(&state.db, &owner).await?;
        Ok::<_, sea_orm::DbErr>(Some((owner, items)))
    }
    .await;
    let (owner, items) = match loaded {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(cause = %err, "cannot read a listing's media");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    // Photos stored before thumbnails existed (the demo content) show their one rendition.
    let mut thumbnails = Vec::new();
    for item in items.iter().filter(|i| i.media.kind == "photo") {
        let small = files::small_key(&item.media.storage_key);
        let exists = state.media.exists(&small).await.unwrap_or(false);
        thumbnails.push(if exists { small } else { item.media.storage_key.clone() });
    }
    html(status, media_page(user, &owner, &items, &thumbnails, attempt))
}

/// `GET /admin/listings/{code}/media`: the photos and brochure of a site or opportunity, and the
/// upload form (editors and admins).
pub async fn listing_media(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    let user = match editor(&state, &headers, &media_path(&code)).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    show(&state, &user, &code, StatusCode::OK, &Attempt::default()).await
}

/// The file's name as the uploader's computer had it, for the staff list only.
fn original_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if clean.trim().is_empty() { "upload".to_owned() } else { clean }
}

/// The form as sent.
struct Upload {
    kind: String,
    caption: String,
    file_name: String,
    bytes: axum::body::Bytes,
}

/// Reads the multipart form; a request over the body limit is cut off while it arrives.
async fn read_upload(mut multipart: Multipart) -> Result<Upload, (StatusCode, String)> {
    let mut upload = Upload {
        kind: String::new(),
        caption: String::new(),
        file_name: String::new(),
        bytes: axum::body::Bytes::new(),
    };
    let refused = |err: axum::extract::multipart::MultipartError| {
        if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
            (StatusCode::PAYLOAD_TOO_LARGE, MediaError::RequestTooLarge.to_string())
        } else {
            tracing::info!(cause = %err, "an upload could not be read");
            (StatusCode::BAD_REQUEST, "The upload was interrupted or malformed; try again.".into())
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(refused)? {
        match field.name().unwrap_or_default() {
            "kind" => upload.kind = field.text().await.map_err(refused)?,
            "caption" => upload.caption = field.text().await.map_err(refused)?,
            "file" => {
                upload.file_name = original_name(field.file_name().unwrap_or_default());
                upload.bytes = field.bytes().await.map_err(refused)?;
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// A checked file, ready to store.
enum Checked {
    Photo(ProcessedPhoto),
    Brochure,
}

/// `POST /admin/listings/{code}/media` (multipart: `kind`, `file`, `caption`): checks the file by
/// its content, stores it (a photo in its renditions), records it and its English caption, and
/// writes the audit log (editors and admins). A refused file is shown beside the field with 422
/// and nothing is stored; a request over the body limit gets 413.
pub async fn upload_listing_media(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let user = match editor(&state, &headers, &media_path(&code)).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let owner = match files::find_owner(&state.db, &code).await {
        Ok(Some(owner)) => owner,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(cause = %err, "cannot find a listing for an upload");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let read = match multipart {
        Ok(multipart) => read_upload(multipart).await,
        Err(_) => Err((
            StatusCode::BAD_REQUEST,
            "The upload must be sent from the form (multipart/form-data).".to_owned(),
        )),
    };
    let upload = match read {
        Ok(upload) => upload,
        Err((status, problem)) => {
            let attempt = Attempt { problem: Some(problem), ..Attempt::default() };
            return show(&state, &user, &code, status, &attempt).await;
        }
    };
    let mut attempt =
        Attempt { problem: None, kind: upload.kind.clone(), caption: upload.caption.clone() };
    if !matches!(upload.kind.as_str(), "photo" | "brochure") {
        attempt.problem = Some("Choose whether the file is a photo or a brochure.".to_owned());
        return show(&state, &user, &code, StatusCode::UNPROCESSABLE_ENTITY, &attempt).await;
    }
    let photo = upload.kind == "photo";
    let caption_length = upload.caption.trim().chars().count();
    let bytes = upload.bytes.clone();
    // Decoding and resizing take a moment of CPU: off the request threads.
    let checked = tokio::task::spawn_blocking(move || {
        if !photo {
            files::check_brochure(&bytes).map(|()| Checked::Brochure)
        } else if caption_length > files::MAX_CAPTION {
            Err(MediaError::CaptionTooLong)
        } else {
            files::process_photo(&bytes).map(Checked::Photo)
        }
    })
    .await;
    let checked = match checked {
        Ok(Ok(checked)) => checked,
        Ok(Err(problem)) => {
            attempt.problem = Some(problem.to_string());
            return show(&state, &user, &code, StatusCode::UNPROCESSABLE_ENTITY, &attempt).await;
        }
        Err(err) => {
            tracing::error!(cause = %err, "the photo check stopped");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let caption = upload.caption.trim();
    let (new, stored) = match checked {
        Checked::Photo(photo) => {
            let key = files::new_key(&owner, "jpg");
            let small = files::small_key(&key);
            let new = NewMedia {
                kind: "photo",
                storage_key: key.clone(),
                original_name: upload.file_name.clone(),
                content_type: "image/jpeg",
                byte_size: photo.large.bytes.len(),
                dimensions: Some((photo.large.width, photo.large.height)),
                sha256: photo.sha256.clone(),
                caption: (!caption.is_empty()).then(|| caption.to_owned()),
            };
            let puts = [(key, photo.large.bytes), (small, photo.small.bytes)];
            (new, puts.to_vec())
        }
        Checked::Brochure => {
            let key = files::new_key(&owner, "pdf");
            let new = NewMedia {
                kind: "brochure",
                storage_key: key.clone(),
                original_name: upload.file_name.clone(),
                content_type: "application/pdf",
                byte_size: upload.bytes.len(),
                dimensions: None,
                sha256: files::sha256(&upload.bytes),
                caption: None,
            };
            (new, vec![(key, upload.bytes.to_vec())])
        }
    };
    let mut written: Vec<String> = Vec::new();
    for (key, bytes) in &stored {
        if let Err(err) = state.media.put(key, bytes, new.content_type).await {
            tracing::error!(cause = %err, key, "cannot store an uploaded file");
            forget(&state, &written).await;
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
        written.push(key.clone());
    }
    match files::insert_media(&state.db, &owner, new, user.id).await {
        Ok((_, replaced)) => {
            files::remove_files(state.media.as_ref(), &replaced).await;
            Redirect::to(&media_path(&code)).into_response()
        }
        Err(err) => {
            tracing::error!(cause = %err, "cannot record an uploaded file");
            forget(&state, &written).await;
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Removes files stored for an upload that then failed.
async fn forget(state: &AppState, keys: &[String]) {
    for key in keys {
        if let Err(err) = state.media.delete(key).await {
            tracing::warn!(cause = %err, key, "cannot remove the file of a failed upload");
        }
    }
}

/// `POST /admin/listings/{code}/media/{id}/delete`: removes the media row and its files, in the
/// audit log (editors and admins).
pub async fn delete_listing_media(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((code, id)): Path<(String, i32)>,
) -> Response {
    let user = match editor(&state, &headers, &media_path(&code)).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let removed: Result<Option<media::Model>, sea_orm::DbErr> = async {
        let Some(owner) = files::find_owner(&state.db, &code).await? else {
            return Ok(None);
        };
        files::delete_media(&state.db, &owner, id, user.id).await
    }
    .await;
    match removed {
        Ok(Some(row)) => {
            files::remove_files(state.media.as_ref(), &[row]).await;
            Redirect::to(&media_path(&code)).into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(cause = %err, "cannot delete a media row");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_base_of_a_file_name_is_kept() {
        assert_eq!(original_name("C:\\Users\\ed\\plant.jpg"), "plant.jpg");
        assert_eq!(original_name("../../etc/plant\u{0}.png"), "plant.png");
        assert_eq!(original_name(""), "upload");
    }
}
