//! The one backend every chart is drawn with: [`Recorder`] keeps what
//! plotters draws as a [`DisplayList`], which is then replayed: on the
//! browser's canvas (`web::canvas`) or as an SVG document
//! ([`display_list_to_svg`]). Every chart kind is therefore compiled for
//! one backend only, and text is measured by the caller's [`Measure`]
//! (canvas `measureText` in the browser, [`approximate_text_width`]
//! natively), never by plotters' DOM probe.

use std::convert::Infallible;
use std::fmt::Write as _;

use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
    FontTransform,
};

use super::{draw_chart, AnyChart, ChartStyle};

/// Measures text for layout: `(font, size_px, text)` → width in pixels.
/// `font` is the CSS `font` shorthand the text is drawn in
/// (`"bold 13px sans-serif"`), `size_px` its size.
pub type Measure<'a> = &'a dyn Fn(&str, f64, &str) -> f64;

/// A width estimate without a browser: a CJK character is about one em,
/// anything else about 0.55 em (as the charts' own layout assumes).
pub fn approximate_text_width(_font: &str, size_px: f64, text: &str) -> f64 {
    super::waterfall::text_width_css(text, size_px)
}

/// A point in device pixels.
pub type Point = (i32, i32);

/// A colour with its opacity (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba {
    pub rgb: (u8, u8, u8),
    pub alpha: f64,
}

impl From<BackendColor> for Rgba {
    fn from(colour: BackendColor) -> Self {
        Rgba {
            rgb: colour.rgb,
            alpha: colour.alpha,
        }
    }
}

impl Rgba {
    /// `#RRGGBB`, as SVG writes it.
    pub fn hex(&self) -> String {
        let (r, g, b) = self.rgb;
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// `rgba(r,g,b,a)`, as canvas takes it.
    pub fn css(&self) -> String {
        let (r, g, b) = self.rgb;
        format!("rgba({r},{g},{b},{})", self.alpha)
    }
}

/// A text's weight or slant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStyle {
    Normal,
    Bold,
    Italic,
    Oblique,
}

impl TextStyle {
    /// The CSS keyword.
    pub fn css(self) -> &'static str {
        match self {
            TextStyle::Normal => "normal",
            TextStyle::Bold => "bold",
            TextStyle::Italic => "italic",
            TextStyle::Oblique => "oblique",
        }
    }
}

/// Where the anchor point is along the text: its start, middle or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HAnchor {
    Left,
    Center,
    Right,
}

/// Where the anchor point is across the text: its top, middle or bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VAnchor {
    Top,
    Center,
    Bottom,
}

/// One label.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub text: String,
    pub at: Point,
    pub colour: Rgba,
    /// A CSS font-family list.
    pub family: String,
    /// The size in pixels.
    pub size: f64,
    pub style: TextStyle,
    pub h: HAnchor,
    pub v: VAnchor,
    /// Clockwise, in degrees about `at`: 0, 90, 180 or 270.
    pub rotation: u16,
}

impl Text {
    /// The CSS `font` shorthand, as canvas takes it.
    pub fn font_css(&self) -> String {
        font_css(self.style, self.size, &self.family)
    }
}

fn font_css(style: TextStyle, size: f64, family: &str) -> String {
    format!("{} {}px {}", style.css(), size, family)
}

/// One drawing call, in device pixels. Nothing fully transparent is kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Primitive {
    Pixel {
        at: Point,
        colour: Rgba,
    },
    Line {
        from: Point,
        to: Point,
        colour: Rgba,
        width: u32,
    },
    Rect {
        upper_left: Point,
        bottom_right: Point,
        colour: Rgba,
        width: u32,
        fill: bool,
    },
    /// An open polyline.
    Path {
        points: Vec<Point>,
        colour: Rgba,
        width: u32,
    },
    /// A filled polygon.
    Polygon {
        points: Vec<Point>,
        colour: Rgba,
    },
    Circle {
        centre: Point,
        radius: u32,
        colour: Rgba,
        width: u32,
        fill: bool,
    },
    Text(Text),
}

/// A drawn chart: its size in device pixels and its primitives, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DisplayList {
    pub size: (u32, u32),
    pub items: Vec<Primitive>,
}

impl DisplayList {
    /// Every text, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.items.iter().filter_map(|item| match item {
            Primitive::Text(text) => Some(text),
            _ => None,
        })
    }
}

/// A plotters backend that records into a [`DisplayList`].
pub struct Recorder<'a> {
    list: &'a mut DisplayList,
    measure: Measure<'a>,
}

impl<'a> Recorder<'a> {
    /// Records into `list` (emptied, and given `size`), measuring text with
    /// `measure`.
    pub fn new(list: &'a mut DisplayList, size: (u32, u32), measure: Measure<'a>) -> Self {
        list.size = size;
        list.items.clear();
        Recorder { list, measure }
    }

    fn push(&mut self, colour: BackendColor, item: impl FnOnce(Rgba) -> Primitive) {
        if colour.alpha != 0.0 {
            self.list.items.push(item(colour.into()));
        }
    }
}

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for Recorder<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.list.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, at: BackendCoord, colour: BackendColor) -> Drawn {
        self.push(colour, |colour| Primitive::Pixel { at, colour });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Drawn {
        let width = s.stroke_width();
        self.push(s.color(), |colour| Primitive::Line {
            from,
            to,
            colour,
            width,
        });
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let width = s.stroke_width();
        self.push(s.color(), |colour| Primitive::Rect {
            upper_left,
            bottom_right,
            colour,
            width,
            fill,
        });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        let width = s.stroke_width();
        self.push(s.color(), |colour| Primitive::Path {
            points: path.into_iter().collect(),
            colour,
            width,
        });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        self.push(s.color(), |colour| Primitive::Polygon {
            points: path.into_iter().collect(),
            colour,
        });
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let width = s.stroke_width();
        self.push(s.color(), |colour| Primitive::Circle {
            centre,
            radius,
            colour,
            width,
            fill,
        });
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, at: BackendCoord) -> Drawn {
        let anchor = s.anchor();
        let style = text_style(s.style());
        let family = s.family().as_str().to_owned();
        let size = s.size();
        let rotation = match s.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
        };
        self.push(s.color(), |colour| {
            Primitive::Text(Text {
                text: text.to_owned(),
                at,
                colour,
                family,
                size,
                style,
                h: match anchor.h_pos {
                    HPos::Left => HAnchor::Left,
                    HPos::Center => HAnchor::Center,
                    HPos::Right => HAnchor::Right,
                },
                v: match anchor.v_pos {
                    VPos::Top => VAnchor::Top,
                    VPos::Center => VAnchor::Center,
                    VPos::Bottom => VAnchor::Bottom,
                },
                rotation,
            })
        });
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = s.size();
        let font = font_css(text_style(s.style()), size, s.family().as_str());
        let width = (self.measure)(&font, size, text);
        let width = if width.is_finite() {
            width.max(0.0)
        } else {
            0.0
        };
        Ok((width.round() as u32, size.max(0.0).round() as u32))
    }
}

fn text_style(style: FontStyle) -> TextStyle {
    match style {
        FontStyle::Normal => TextStyle::Normal,
        FontStyle::Bold => TextStyle::Bold,
        FontStyle::Italic => TextStyle::Italic,
        FontStyle::Oblique => TextStyle::Oblique,
    }
}

/// Draws `chart` once, into a display list of `size` device pixels.
///
/// ```
/// use pathways::chart::{approximate_text_width, record, AnyChart, ChartStyle, PanelSpec};
///
/// let spec = PanelSpec { title: "生态造纸".into(), ..PanelSpec::default() };
/// let list = record(AnyChart::Panel(&spec), (300, 200), &ChartStyle::default(), &approximate_text_width)?;
/// assert!(list.texts().any(|text| text.text == "生态造纸"));
/// # Ok::<(), String>(())
/// ```
pub fn record(
    chart: AnyChart<'_>,
    size: (u32, u32),
    style: &ChartStyle,
    measure: Measure<'_>,
) -> Result<DisplayList, String> {
    let mut list = DisplayList::default();
    {
        let root = Recorder::new(&mut list, size, measure).into_drawing_area();
        draw_chart(&root, chart, style)
            .map_err(|error| format!("chart drawing failed: {error}"))?;
    }
    Ok(list)
}

/// A standalone SVG document of a display list, written as plotters' SVG
/// backend writes one (font sizes ÷ 1.24, anchors as `text-anchor` and `dy`).
pub fn display_list_to_svg(list: &DisplayList) -> String {
    let mut svg = String::new();
    let (width, height) = list.size;
    let _ = writeln!(
        svg,
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for item in &list.items {
        write_svg(&mut svg, item);
    }
    svg.push_str("</svg>\n");
    svg
}

fn points(points: &[Point]) -> String {
    points.iter().fold(String::new(), |mut out, (x, y)| {
        let _ = write!(out, "{x},{y} ");
        out
    })
}

fn escape(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

fn write_svg(out: &mut String, item: &Primitive) {
    let _ = match item {
        Primitive::Pixel { at: (x, y), colour } => writeln!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" stroke=\"none\" opacity=\"{}\" fill=\"{}\"/>",
            colour.alpha,
            colour.hex()
        ),
        Primitive::Line {
            from: (x1, y1),
            to: (x2, y2),
            colour,
            width,
        } => writeln!(
            out,
            "<line opacity=\"{}\" stroke=\"{}\" stroke-width=\"{width}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>",
            colour.alpha,
            colour.hex()
        ),
        Primitive::Rect {
            upper_left: (x0, y0),
            bottom_right: (x1, y1),
            colour,
            fill,
            ..
        } => {
            let (fill, stroke) = if *fill {
                (colour.hex(), "none".to_owned())
            } else {
                ("none".to_owned(), colour.hex())
            };
            writeln!(
                out,
                "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" opacity=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
                x1 - x0,
                y1 - y0,
                colour.alpha
            )
        }
        Primitive::Path {
            points: path,
            colour,
            width,
        } => writeln!(
            out,
            "<polyline fill=\"none\" opacity=\"{}\" stroke=\"{}\" stroke-width=\"{width}\" points=\"{}\"/>",
            colour.alpha,
            colour.hex(),
            points(path)
        ),
        Primitive::Polygon {
            points: path,
            colour,
        } => writeln!(
            out,
            "<polygon opacity=\"{}\" fill=\"{}\" points=\"{}\"/>",
            colour.alpha,
            colour.hex(),
            points(path)
        ),
        Primitive::Circle {
            centre: (cx, cy),
            radius,
            colour,
            width,
            fill,
        } => {
            let (stroke, fill) = if *fill {
                ("none".to_owned(), colour.hex())
            } else {
                (colour.hex(), "none".to_owned())
            };
            writeln!(
                out,
                "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{radius}\" opacity=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>",
                colour.alpha
            )
        }
        Primitive::Text(text) => {
            write_svg_text(out, text);
            Ok(())
        }
    };
}

fn write_svg_text(out: &mut String, text: &Text) {
    let (x, y) = text.at;
    let anchor = match text.h {
        HAnchor::Left => "start",
        HAnchor::Center => "middle",
        HAnchor::Right => "end",
    };
    let dy = match text.v {
        VAnchor::Top => "0.76em",
        VAnchor::Center => "0.5ex",
        VAnchor::Bottom => "-0.5ex",
    };
    let _ = write!(
        out,
        "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\""
    );
    escape(out, &text.family);
    let _ = write!(
        out,
        "\" font-size=\"{}\" opacity=\"{}\" fill=\"{}\"",
        text.size / 1.24,
        text.colour.alpha,
        text.colour.hex()
    );
    match text.style {
        TextStyle::Normal => {}
        TextStyle::Bold => out.push_str(" font-weight=\"bold\""),
        other => {
            let _ = write!(out, " font-style=\"{}\"", other.css());
        }
    }
    if text.rotation != 0 {
        let _ = write!(out, " transform=\"rotate({}, {x}, {y})\"", text.rotation);
    }
    out.push_str(">\n");
    escape(out, &text.text);
    out.push_str("\n</text>\n");
}
