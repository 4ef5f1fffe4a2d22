//! Photos in a built site: the lead photo and figures as `<picture>`s with their sizes, the
//! files made from them (upright, no metadata, never upscaled), link previews and
//! structured data, thumbnails in lists, and a cache that makes a rebuild encode nothing.

mod common;

use common::*;

const LEAD: &str = "[photo]\nfile = \"meeting.jpg\"\nalt = \"Екі делегация үстел басында\"\ncredit = \"Ақорда\"\n[photo.caption]\nkk = \"Келіссөздер\"\ntg = \"Музокирот\"\n";

/// A site with one article: a lead photo (taken on its side: EXIF orientation 6) beside
/// it, and a PNG figure from `content/photos/` in its body.
fn photo_site() -> Fixture {
    let fixture = Fixture::new();
    fixture.article("2025/meeting.jpg", jpeg(1800, 2700, 6));
    fixture.write("content/photos/river.png", png(900, 600));
    fixture.article(
        "2025/with-photo.md",
        ArticleSpec::new("Суретті мақала", "2025-03-01", "kk")
            .after_source(LEAD)
            .body(
                "Бірінші абзац.\n\n![Өзен аңғары](river.png \"Іле <өзені> аңғары\")\n\n\
                 Мәтін ішінде ![Өзен](river.png) тұр.\n\nСоңғы абзац.\n",
            )
            .text(),
    );
    fixture
}

fn files_under(fixture: &Fixture, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture.out.join(dir))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn the_lead_photo_is_a_picture_sized_and_upright() {
    let fixture = photo_site();
    let report = fixture.build_ok();
    assert_eq!(report.photos.photos, 2);
    assert_eq!(report.photos.encoded, 2);
    let page = fixture.html("kk/articles/with-photo/index.html");
    let img = one(&page, "figure.lead-photo picture img", "the lead photo");
    // Shown upright: the camera stored 1800×2700 on its side.
    assert_eq!(img.attr("width"), Some("2700"));
    assert_eq!(img.attr("height"), Some("1800"));
    assert_eq!(img.attr("alt"), Some("Екі делегация үстел басында"));
    assert_eq!(img.attr("fetchpriority"), Some("high"));
    assert_eq!(img.attr("loading"), None, "the lead photo is not lazy");
    assert!(has_extension(img.attr("src").unwrap(), "jpg"));
    let srcset = attr(
        &page,
        "figure.lead-photo source",
        "srcset",
        "the WebP files",
    );
    let widths: Vec<&str> = srcset
        .split(", ")
        .map(|s| s.rsplit(' ').next().unwrap())
        .collect();
    assert_eq!(widths, ["480w", "800w", "1200w", "1600w"]);
    assert_eq!(
        attr(&page, "figure.lead-photo source", "type", "the WebP source"),
        "image/webp"
    );
    let caption = text_of(one(&page, "figure.lead-photo figcaption", "the caption"));
    assert!(
        caption.contains("Келіссөздер") && caption.contains("Ақорда"),
        "{caption}"
    );
    // The Tajik tree shows the Tajik caption.
    let tg = fixture.html("tg/articles/with-photo/index.html");
    let caption = text_of(one(&tg, "figure.lead-photo figcaption", "the caption"));
    assert!(caption.contains("Музокирот"), "{caption}");
    // Every file a page names exists, at the size it says.
    for url in srcset.split(", ").map(|s| s.split(' ').next().unwrap()) {
        let rel = url.trim_start_matches('/');
        let bytes = std::fs::read(fixture.out.join(rel)).unwrap();
        let decoded = image::load_from_memory(&bytes).unwrap();
        let width: u32 = srcset
            .split(", ")
            .find(|s| s.starts_with(url))
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|w| w.trim_end_matches('w').parse().ok())
            .unwrap();
        assert_eq!(decoded.width(), width, "{rel}");
        let upright = i64::from(decoded.width()) * 2 / 3;
        assert!(
            (i64::from(decoded.height()) - upright).abs() <= 1,
            "{rel} is not upright"
        );
    }
}

#[test]
fn no_output_file_carries_metadata_or_is_upscaled() {
    let fixture = photo_site();
    fixture.build_ok();
    let files = files_under(&fixture, "photos");
    assert!(files.len() >= 18, "{files:?}");
    for name in &files {
        let bytes = std::fs::read(fixture.out.join("photos").join(name)).unwrap();
        for marker in [&b"Exif"[..], b"GPS", b"II*\0"] {
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker),
                "{name} carries {marker:?}"
            );
        }
        let decoded = image::load_from_memory(&bytes).unwrap();
        assert!(
            decoded.width() <= 2700 && decoded.height() <= 1800,
            "{name}"
        );
        if name.starts_with("river") {
            assert!(decoded.width() <= 900, "{name} is upscaled");
        }
    }
}

#[test]
fn figures_previews_and_structured_data() {
    let fixture = photo_site();
    fixture.build_ok();
    let page = fixture.html("kk/articles/with-photo/index.html");
    // A paragraph of only a photo is a figure, the image's title its caption.
    let figure = one(
        &page,
        ".article-body > figure.figure > picture img",
        "the figure",
    );
    assert_eq!(figure.attr("alt"), Some("Өзен аңғары"));
    let caption = one(
        &page,
        ".article-body > figure.figure > figcaption",
        "the caption",
    );
    assert_eq!(caption.inner_html(), "Іле &lt;өзені&gt; аңғары");
    // A photo inside a sentence stays in its paragraph, with no caption.
    let inline = one(
        &page,
        ".article-body > p > picture img",
        "the photo in a sentence",
    );
    assert_eq!(inline.attr("alt"), Some("Өзен"));
    assert_eq!(page.select(&sel(".article-body figcaption")).count(), 1);
    assert_eq!(figure.attr("loading"), Some("lazy"));
    assert_eq!(
        (figure.attr("width"), figure.attr("height")),
        (Some("900"), Some("600"))
    );
    // Link previews: the 16:9 crop, 1200 wide.
    let og = attr(&page, "meta[property='og:image']", "content", "og:image");
    assert!(
        og.starts_with("http://127.0.0.1:8000/photos/") && og.ends_with("c1200x675.jpg"),
        "{og}"
    );
    assert_eq!(
        attr(&page, "meta[property='og:image:width']", "content", "w"),
        "1200"
    );
    assert_eq!(
        attr(&page, "meta[property='og:image:height']", "content", "h"),
        "675"
    );
    assert_eq!(
        attr(&page, "meta[property='og:image:alt']", "content", "alt"),
        "Екі делегация үстел басында"
    );
    // NewsArticle: three crops, each of at least 50,000 pixels.
    let json: Vec<serde_json::Value> = page
        .select(&sel("script[type='application/ld+json']"))
        .map(|s| serde_json::from_str(&text_of(s)).unwrap())
        .collect();
    let news = json.iter().find(|j| j["@type"] == "NewsArticle").unwrap();
    let images = news["image"].as_array().unwrap();
    let ratios: Vec<(u64, u64)> = images
        .iter()
        .map(|i| (i["width"].as_u64().unwrap(), i["height"].as_u64().unwrap()))
        .collect();
    assert_eq!(ratios, [(1200, 675), (800, 600), (600, 600)]);
    for (w, h) in ratios {
        assert!(w * h >= 50_000);
    }
    // The home page shows a lazy thumbnail; the article without a photo has none.
    let home = fixture.html("kk/index.html");
    let thumb = one(&home, ".story .thumb img", "the thumbnail");
    assert_eq!(thumb.attr("loading"), Some("lazy"));
    assert_eq!(thumb.attr("alt"), Some(""));
    assert_eq!(
        (thumb.attr("width"), thumb.attr("height")),
        (Some("320"), Some("240"))
    );
}

#[test]
fn a_rebuild_encodes_only_what_changed_and_the_cache_stays_outside_the_site() {
    let fixture = photo_site();
    assert_eq!(fixture.build_ok().photos.encoded, 2);
    let first = snapshot(&fixture.out);
    let warm = fixture.build_ok();
    assert_eq!((warm.photos.photos, warm.photos.encoded), (2, 0));
    assert_eq!(
        snapshot(&fixture.out),
        first,
        "the same site from the cache"
    );
    assert!(fixture.root.join(".dostyk-cache/photos").is_dir());
    assert!(
        first.keys().all(|k| !k.contains("dostyk-cache")
            && (!k.starts_with("photos/") || !has_extension(k, "json"))),
        "the cache is not published"
    );
    // A changed photo (same name) is made again, under new names.
    fixture.write("content/photos/river.png", png(700, 500));
    let again = fixture.build_ok();
    assert_eq!(again.photos.encoded, 1);
    let page = fixture.html("kk/articles/with-photo/index.html");
    let figure = one(&page, ".article-body picture img", "the figure");
    assert_eq!(figure.attr("width"), Some("700"));
    // The cache's record of the sources may be lost: the build reads and hashes them again.
    std::fs::remove_file(fixture.root.join(".dostyk-cache/photos/sources.json")).unwrap();
    assert_eq!(fixture.build_ok().photos.encoded, 0);
}

#[test]
fn a_credit_without_a_photo_says_it_is_the_originals() {
    let fixture = Fixture::new();
    fixture.article(
        "2025/credit-only.md",
        ArticleSpec::new("Суретсіз мақала", "2025-03-01", "kk")
            .after_source("photo = \"gov.kz\"\n")
            .text(),
    );
    fixture.build_ok();
    let page = fixture.html("kk/articles/credit-only/index.html");
    assert!(page.select(&sel("figure, picture")).next().is_none());
    let credit = text_of(one(&page, ".credit", "the credit"));
    assert_eq!(credit, "Түпнұсқадағы сурет: gov.kz");
    let tg = fixture.html("tg/articles/credit-only/index.html");
    assert_eq!(
        text_of(one(&tg, ".credit", "the credit")),
        "Акси матни аслӣ: gov.kz"
    );
}

#[test]
fn a_small_lead_photo_warns_that_link_previews_want_more() {
    let fixture = Fixture::new();
    fixture.article("2025/small.jpg", jpeg(640, 480, 1));
    let path = fixture.article(
        "2025/small.md",
        ArticleSpec::new("Кішкене сурет", "2025-03-01", "kk")
            .after_source("[photo]\nfile = \"small.jpg\"\nalt = \"Сурет\"\n")
            .text(),
    );
    let report = fixture.build_ok();
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [format!(
            "{}:10: the lead photo is 640 pixels wide: link previews want at least 1200",
            path.display()
        )]
    );
}

#[test]
fn feed_entries_carry_the_lead_photo() {
    let fixture = photo_site();
    fixture.build_ok();
    let text = std::fs::read_to_string(fixture.out.join("kk/feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed");
    let entry = doc
        .descendants()
        .find(|n| n.has_tag_name("entry"))
        .expect("an entry");
    // An enclosure: the 16:9 crop, its type and its true length.
    let enclosure = entry
        .children()
        .find(|n| n.has_tag_name("link") && n.attribute("rel") == Some("enclosure"))
        .expect("an enclosure");
    let href = enclosure.attribute("href").unwrap();
    let path = href
        .strip_prefix("http://127.0.0.1:8000/")
        .expect("an absolute URL of the site");
    assert!(path.ends_with("c1200x675.jpg"), "{href}");
    assert_eq!(enclosure.attribute("type"), Some("image/jpeg"));
    let length = std::fs::metadata(fixture.out.join(path)).unwrap().len();
    assert_eq!(enclosure.attribute("length"), Some(&*length.to_string()));
    // The entry's HTML opens with the photo, as the page does.
    let content = entry
        .children()
        .find(|n| n.has_tag_name("content"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(
        content.starts_with("<figure><img src=\"http://127.0.0.1:8000/photos/")
            && content.contains("alt=\"Екі делегация үстел басында\""),
        "{content}"
    );
}
