use qrcode::render::svg;
use qrcode::{EcLevel, QrCode as Encoder};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code encodes (the current link).
    pub text: AttrValue,
    /// The image's accessible name.
    pub label: AttrValue,
}

/// The QR code of a text, drawn in the page (encoder: the maintained
/// `qrcode` crate; nothing is fetched). Too long a text shows nothing.
#[function_component(QrCode)]
pub fn qr_code(props: &QrCodeProps) -> Html {
    let svg = use_memo(props.text.clone(), |text| qr_svg(text));
    match &*svg {
        Some(svg) => {
            let src = format!(
                "data:image/svg+xml;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(svg))
            );
            html! { <img class="qr-code" {src} alt={props.label.clone()} data-testid="qr-code" /> }
        }
        None => Html::default(),
    }
}

/// The QR code of `text` as an SVG document, or `None` when it does not fit
/// in a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = Encoder::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_an_svg_code_and_an_impossible_text_none() {
        let svg = qr_svg("http://127.0.0.1:8080/#1.g9.5").expect("fits");
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
        assert!(svg.contains("<path") || svg.contains("<rect"));
        assert!(
            qr_svg(&"x".repeat(5000)).is_none(),
            "beyond a QR code's capacity"
        );
    }
}
