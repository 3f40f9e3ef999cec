//! QR codes drawn as inline SVG (no image files, nothing fetched, allowed by the CSP).

/// An SVG QR code of `data` with an accessible name, or None if it cannot be encoded.
pub fn svg(data: &str, label: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    // The renderer writes an XML declaration; inline SVG in HTML must start at <svg.
    let start = svg.find("<svg")?;
    let body = &svg[start..];
    let escaped = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    Some(body.replacen(
        "<svg",
        &format!("<svg role=\"img\" aria-label=\"{escaped}\" class=\"qr-code\""),
        1,
    ))
}
