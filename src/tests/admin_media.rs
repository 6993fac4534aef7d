//! Media uploads through the real router: a photo from an editor is re-encoded without its EXIF,
//! resized and shown on the public page; a brochure is stored, served and linked; a renamed
//! program, a too-large file, a broken image and a PDF with JavaScript are refused with nothing
//! stored; desk officers may not manage media; deletion removes the files.

use crate::router_tests::{TestSite, seeded};
use app::models::Role;
use app::server::entities::{audit_log, media, media_translation, site};
use app::server::media::{MAX_PHOTO_BYTES, MAX_UPLOAD_BODY, small_key};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use image::{ExtendedColorType, ImageEncoder, RgbImage};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::path::{Path, PathBuf};

const BOUNDARY: &str = "----portal-test-boundary-7MA4YWxk";

/// A new account with `role`, signed in: its `Cookie` header.
async fn signed_in(site: &TestSite, email: &str, role: Role) -> String {
    crate::admin_tests::signed_in(site, email, "Media Tester", role).await
}

/// The first seeded site (published).
async fn first_site(site: &TestSite) -> site::Model {
    site::Entity::find()
        .order_by_asc(site::Column::Code)
        .one(&site.state.db)
        .await
        .expect("query")
        .expect("a seeded site")
}

/// A multipart form of `kind`, `caption` and one file.
fn multipart(kind: &str, caption: &str, file_name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in [("kind", kind), ("caption", caption)] {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(
    site: &TestSite,
    cookie: &str,
    code: &str,
    body: Vec<u8>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let request = Request::post(format!("/admin/listings/{code}/media"))
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .header("cookie", cookie)
        .body(Body::from(body))
        .expect("request");
    site.send(request).await
}

fn gradient(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * 3 + y) % 256) as u8])
    })
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(gradient(width, height).as_raw(), width, height, ExtendedColorType::Rgb8)
        .expect("png");
    bytes
}

/// A JPEG carrying an EXIF segment with a GPS note, built by hand after the start marker.
fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
        .write_image(gradient(width, height).as_raw(), width, height, ExtendedColorType::Rgb8)
        .expect("jpeg");
    let exif = b"Exif\0\0II*\0\x08\0\0\0GPSLatitude 41.2995 N";
    let mut bytes = plain[..2].to_vec();
    bytes.extend_from_slice(&[0xFF, 0xE1]);
    bytes.extend_from_slice(&u16::try_from(exif.len() + 2).expect("short").to_be_bytes());
    bytes.extend_from_slice(exif);
    bytes.extend_from_slice(&plain[2..]);
    bytes
}

fn minimal_pdf(extra: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R {extra}>>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

async fn media_of(site: &TestSite, site_id: i32) -> Vec<media::Model> {
    media::Entity::find()
        .filter(media::Column::SiteId.eq(site_id))
        .order_by_asc(media::Column::Id)
        .all(&site.state.db)
        .await
        .expect("query")
}

/// Every file under the media folder.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files_under(&path));
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn an_editor_uploads_photos_that_are_re_encoded_resized_shown_and_deleted() {
    let site = seeded().await;
    let editor = signed_in(&site, "ed.editor@icic-ca.example", Role::Editor).await;
    let listing = first_site(&site).await;
    let seeded_photos = media_of(&site, listing.id).await.len();
    let media_dir = site.config.media_dir();

    // A PNG larger than the public rendition.
    let body = multipart("photo", "Loading dock at dawn", "C:\\photos\\dock.png", &png(2400, 1500));
    let (status, headers, _) = upload(&site, &editor, &listing.code, body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let page = format!("/admin/listings/{}/media", listing.code);
    assert_eq!(headers.get("location").and_then(|v| v.to_str().ok()), Some(page.as_str()));
    let rows = media_of(&site, listing.id).await;
    assert_eq!(rows.len(), seeded_photos + 1);
    let row = rows.last().expect("the new row").clone();
    assert_eq!(
        (row.kind.as_str(), row.content_type.as_str(), row.original_name.as_str()),
        ("photo", "image/jpeg", "dock.png")
    );
    assert_eq!((row.width, row.height), (Some(1600), Some(1000)));
    assert_eq!(row.position, i32::try_from(seeded_photos).expect("few"));
    let large = std::fs::read(media_dir.join(&row.storage_key)).expect("the large rendition");
    assert_eq!(row.byte_size, i64::try_from(large.len()).expect("small"));
    assert_eq!(row.sha256, app::server::media::sha256(&large));
    let decoded = image::load_from_memory(&large).expect("it decodes");
    assert_eq!((decoded.width(), decoded.height()), (1600, 1000));
    let small = std::fs::read(media_dir.join(small_key(&row.storage_key))).expect("thumbnail");
    let decoded = image::load_from_memory(&small).expect("it decodes");
    assert_eq!((decoded.width(), decoded.height()), (480, 300));
    let caption = media_translation::Entity::find()
        .filter(media_translation::Column::MediaId.eq(row.id))
        .one(&site.state.db)
        .await
        .expect("query")
        .expect("the caption");
    assert_eq!((caption.lang.as_str(), caption.caption.as_str()), ("en", "Loading dock at dawn"));
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("media-upload"))
        .filter(audit_log::Column::EntityId.eq(listing.code.clone()))
        .count(&site.state.db)
        .await
        .expect("query");
    assert_eq!(logged, 1);

    // The staff page lists it with its thumbnail; the public page shows it with its caption.
    let (status, _, staff_page) = site.get_with(&page, &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(staff_page.contains(&format!("data-id=\"{}\" data-kind=\"photo\"", row.id)));
    assert!(staff_page.contains(&format!("/media/{}", small_key(&row.storage_key))));
    let (status, public) = site.get(&format!("/en/sites/{}", listing.slug)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains(&format!("src=\"/media/{}\"", row.storage_key)), "shown publicly");
    assert!(public.contains("alt=\"Loading dock at dawn\""));
    let (status, served) = site.get(&format!("/media/{}", row.storage_key)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!served.is_empty());

    // A JPEG with EXIF and a GPS position: stored without either, never upscaled.
    let original = jpeg_with_exif(640, 400);
    assert!(contains(&original, b"Exif") && contains(&original, b"GPSLatitude"));
    let body = multipart("photo", "", "phone.jpg", &original);
    let (status, _, _) = upload(&site, &editor, &listing.code, body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let row = media_of(&site, listing.id).await.last().expect("the new row").clone();
    assert_eq!((row.width, row.height), (Some(640), Some(400)));
    for key in [row.storage_key.clone(), small_key(&row.storage_key)] {
        let stored = std::fs::read(media_dir.join(&key)).expect("stored");
        assert!(!contains(&stored, b"Exif"), "{key} has no EXIF");
        assert!(!contains(&stored, b"GPSLatitude"), "{key} has no GPS position");
        image::load_from_memory(&stored).expect("it decodes");
    }

    // Deleting removes the row, its caption and both files.
    let first = media_of(&site, listing.id).await[seeded_photos].clone();
    let (status, _, _) =
        site.post_form_with(&format!("{page}/{}/delete", first.id), &[], &editor).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(media::Entity::find_by_id(first.id).one(&site.state.db).await.expect("q").is_none());
    let captions = media_translation::Entity::find()
        .filter(media_translation::Column::MediaId.eq(first.id))
        .count(&site.state.db)
        .await
        .expect("q");
    assert_eq!(captions, 0);
    assert!(!media_dir.join(&first.storage_key).exists());
    assert!(!media_dir.join(small_key(&first.storage_key)).exists());
    let (_, public) = site.get(&format!("/en/sites/{}", listing.slug)).await;
    assert!(!public.contains(&first.storage_key));
    // Another listing's media cannot be deleted through this one.
    let (status, _, _) = site
        .post_form_with(&format!("/admin/listings/NO-SUCH/media/{}/delete", row.id), &[], &editor)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(media_dir.join(&row.storage_key).exists());
}

#[tokio::test]
async fn a_brochure_is_stored_served_linked_and_replaced() {
    let site = seeded().await;
    let admin = signed_in(&site, "ada.admin@icic-ca.example", Role::Admin).await;
    let listing = first_site(&site).await;
    let (_, public) = site.get(&format!("/en/sites/{}", listing.slug)).await;
    assert!(!public.contains("data-test=\"brochure\""), "no brochure link before one exists");

    let pdf = minimal_pdf("");
    let body = multipart("brochure", "", "Site brochure.pdf", &pdf);
    let (status, _, _) = upload(&site, &admin, &listing.code, body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let row = media_of(&site, listing.id).await.into_iter().find(|m| m.kind == "brochure");
    let row = row.expect("a brochure row");
    assert_eq!(row.content_type, "application/pdf");
    assert!(row.storage_key.ends_with(".pdf"));
    let (status, headers, served) =
        site.get_with(&format!("/media/{}", row.storage_key), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(served.as_bytes(), pdf.as_slice(), "kept as it was");
    assert_eq!(headers.get("content-type").and_then(|v| v.to_str().ok()), Some("application/pdf"));
    for lang in ["en", "ar"] {
        let (_, public) = site.get(&format!("/{lang}/sites/{}", listing.slug)).await;
        assert!(
            public.contains(&format!("href=\"/media/{}\"", row.storage_key))
                && public.contains("data-test=\"brochure\""),
            "{lang}: the public page links the brochure"
        );
    }
    let summary = crate::admin::media_summary(&site.state.db, &listing.code).await.expect("db");
    assert!(summary.contains("brochure: yes"), "{summary}");
    assert!(summary.contains(&format!("href=\"/admin/listings/{}/media\"", listing.code)));

    // A second brochure replaces the first, file and all.
    let body = multipart("brochure", "", "Updated.pdf", &minimal_pdf("/Lang (en) "));
    let (status, _, _) = upload(&site, &admin, &listing.code, body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let brochures: Vec<_> =
        media_of(&site, listing.id).await.into_iter().filter(|m| m.kind == "brochure").collect();
    assert_eq!(brochures.len(), 1);
    assert_eq!(brochures[0].original_name, "Updated.pdf");
    assert!(!site.config.media_dir().join(&row.storage_key).exists());
}

#[tokio::test]
async fn refused_uploads_say_why_beside_the_field_and_store_nothing() {
    let site = seeded().await;
    let editor = signed_in(&site, "ed.editor@icic-ca.example", Role::Editor).await;
    let listing = first_site(&site).await;
    let rows_before = media_of(&site, listing.id).await;
    let files_before = files_under(&site.config.media_dir());

    let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0".repeat(50);
    let pe =
        b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0This program cannot be run in DOS mode".to_vec();
    let whole = png(300, 200);
    let broken = whole[..whole.len() / 2].to_vec();
    let mut too_large = png(16, 16);
    too_large.resize(MAX_PHOTO_BYTES + 1024, 0);
    let script = minimal_pdf("/OpenAction << /S /JavaScript /JS (app.launchURL('x')) >> ");
    let cases: Vec<(&str, &str, Vec<u8>, StatusCode, &str)> = vec![
        ("photo", "photo.jpg", elf, StatusCode::UNPROCESSABLE_ENTITY, "not a JPEG, PNG or WebP"),
        ("brochure", "brochure.pdf", pe, StatusCode::UNPROCESSABLE_ENTITY, "not a PDF"),
        ("photo", "plant.png", broken, StatusCode::UNPROCESSABLE_ENTITY, "damaged or incomplete"),
        ("photo", "huge.png", too_large, StatusCode::UNPROCESSABLE_ENTITY, "at most 15 MB"),
        ("brochure", "offer.pdf", script, StatusCode::UNPROCESSABLE_ENTITY, "JavaScript"),
        ("video", "plant.png", whole, StatusCode::UNPROCESSABLE_ENTITY, "photo or a brochure"),
        (
            "brochure",
            "everything.pdf",
            vec![b'%'; MAX_UPLOAD_BODY + 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
            "more than any file may be",
        ),
    ];
    for (kind, name, bytes, expected, message) in cases {
        let (status, _, page) =
            upload(&site, &editor, &listing.code, multipart(kind, "A caption", name, &bytes)).await;
        assert_eq!(status, expected, "{name}");
        let shown = page
            .split("data-test=\"upload-error\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .unwrap_or_default();
        assert!(shown.contains(message), "{name}: {shown:?}");
        assert!(page.contains("aria-invalid=\"true\""), "{name}: the field is marked");
        assert!(page.contains("value=\"A caption\"") || expected == StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(media_of(&site, listing.id).await, rows_before, "{name}: no row");
        assert_eq!(files_under(&site.config.media_dir()), files_before, "{name}: no file");
    }
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("media-upload"))
        .count(&site.state.db)
        .await
        .expect("query");
    assert_eq!(logged, 0);
}

#[tokio::test]
async fn only_editors_and_admins_manage_media() {
    let site = seeded().await;
    let listing = first_site(&site).await;
    let page = format!("/admin/listings/{}/media", listing.code);
    let photo = media_of(&site, listing.id).await.first().expect("a seeded photo").clone();

    // Anonymous: to sign-in, and back after it.
    let (status, headers, _) = site.get_with(&page, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|l| l.starts_with("/admin/sign-in?next="))
    );

    let desk = signed_in(&site, "li.desk@icic-ca.example", Role::Desk).await;
    let (status, _, _) = site.get_with(&page, &[("cookie", &desk)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let body = multipart("photo", "", "dock.png", &png(64, 64));
    let (status, _, _) = upload(&site, &desk, &listing.code, body).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) =
        site.post_form_with(&format!("{page}/{}/delete", photo.id), &[], &desk).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(media_of(&site, listing.id).await.first(), Some(&photo), "nothing changed");
    assert!(site.config.media_dir().join(&photo.storage_key).exists());

    let editor = signed_in(&site, "ed.editor@icic-ca.example", Role::Editor).await;
    let (status, _, html) = site.get_with(&page, &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("enctype=\"multipart/form-data\""));
    // A seeded photo, from before thumbnails, shows its one rendition.
    assert!(html.contains(&format!("src=\"/media/{}\"", photo.storage_key)));
    let (status, _, _) =
        site.get_with("/admin/listings/NO-SUCH/media", &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
