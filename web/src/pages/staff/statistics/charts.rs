//! The charts of the statistics page, drawn as inline SVG (no chart library: the bundle stays
//! small). Every bar is a `<rect class="bar">` with a `<title>` that gives its number on hover;
//! the numbers are written on the chart too, so a black-and-white print still reads.

use yew::prelude::*;

/// Fill and text colour of each series, in turn; dark and light alternate so the segments stay
/// apart when printed in grey.
pub const PALETTE: [(&str, &str); 10] = [
    ("#0b2e59", "#ffffff"),
    ("#f2b705", "#1b1f24"),
    ("#0a58ca", "#ffffff"),
    ("#9fc5f0", "#1b1f24"),
    ("#b3261e", "#ffffff"),
    ("#c9e5d3", "#1b1f24"),
    ("#146c43", "#ffffff"),
    ("#f4b183", "#1b1f24"),
    ("#5b3c88", "#ffffff"),
    ("#bfc6d0", "#1b1f24"),
];

/// The colours of series `i`.
pub fn colour(i: usize) -> (&'static str, &'static str) {
    PALETTE[i % PALETTE.len()]
}

/// A round top for the value axis and the step between its ticks (at most about four ticks).
pub fn nice_scale(max: u64) -> (u64, u64) {
    if max == 0 {
        return (4, 1);
    }
    let raw = max.div_ceil(4).max(1);
    let mut magnitude = 1u64;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10].iter().map(|f| f * magnitude).find(|s| *s >= raw).unwrap_or(10 * magnitude);
    (max.div_ceil(step) * step, step)
}

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// A legend entry: a colour swatch (an SVG square, so it prints) and its label.
pub fn legend(id: &'static str, entries: &[(String, usize)]) -> Html {
    html! {
        <ul class="chart-legend" {id}>
            { for entries.iter().map(|(label, i)| html! {
                <li>
                    <svg class="swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
                        <rect x="0" y="0" width="12" height="12" fill={colour(*i).0} stroke="#1b1f24" stroke-width="0.5" />
                    </svg>
                    { label.clone() }
                </li>
            }) }
        </ul>
    }
}

/// One segment of a stacked column.
pub struct Segment {
    pub series: usize,
    pub count: u64,
    pub title: String,
}

/// One column of the month chart.
pub struct Column {
    /// `2026-11`.
    pub key: String,
    /// Under the column (`Nov`), with the year under January and the first month.
    pub label: String,
    pub year: Option<String>,
    pub total: u64,
    pub segments: Vec<Segment>,
}

const W: f64 = 720.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 22.0;

/// The value axis: grid lines and their numbers.
fn grid(top: u64, step: u64, y: impl Fn(f64) -> f64, width: f64) -> Html {
    let ticks = (0..=top).step_by(usize::try_from(step.max(1)).unwrap_or(1));
    html! {
        <g class="grid" aria-hidden="true">
            { for ticks.map(|v| {
                let at = n(y(v as f64));
                html! {
                    <>
                        <line x1={n(LEFT)} x2={n(width - RIGHT)} y1={at.clone()} y2={at.clone()} class={if v == 0 { "axis" } else { "gridline" }} />
                        <text x={n(LEFT - 6.0)} y={at} class="tick" text-anchor="end" dominant-baseline="middle">{ v }</text>
                    </>
                }
            }) }
        </g>
    }
}

/// Stacked columns: one `<g class="month" data-month>` per column, one `rect.bar` per non-zero
/// segment.
pub fn stacked_columns(id: &'static str, aria: String, columns: &[Column]) -> Html {
    const H: f64 = 300.0;
    const BOTTOM: f64 = 46.0;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let max = columns.iter().map(|c| c.total.max(c.segments.iter().map(|s| s.count).sum())).max().unwrap_or(0);
    let (top, step) = nice_scale(max);
    let scale = |v: f64| v / top as f64 * plot_h;
    let y = |v: f64| TOP + plot_h - scale(v);
    let count = columns.len().max(1);
    let slot = plot_w / count as f64;
    let bar_w = (slot * 0.62).clamp(2.0, 56.0);
    // Every k-th label when the columns are many.
    let every = count.div_ceil(18).max(1);
    html! {
        <svg {id} class="chart chart-columns" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={aria}
            preserveAspectRatio="xMidYMid meet">
            { grid(top, step, y, W) }
            { for columns.iter().enumerate().map(|(i, c)| {
                let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
                let centre = x + bar_w / 2.0;
                let mut stacked = 0u64;
                let segments = c.segments.iter().filter(|s| s.count > 0).map(|s| {
                    let (fill, ink) = colour(s.series);
                    let h = scale(s.count as f64);
                    let top_y = y((stacked + s.count) as f64);
                    stacked += s.count;
                    html! {
                        <>
                            <rect class="bar" x={n(x)} y={n(top_y)} width={n(bar_w)} height={n(h)} {fill}
                                data-series={s.series.to_string()}>
                                <title>{ s.title.clone() }</title>
                            </rect>
                            if h >= 14.0 && bar_w >= 18.0 {
                                <text class="seg-label" x={n(centre)} y={n(top_y + h / 2.0)} fill={ink}
                                    text-anchor="middle" dominant-baseline="middle" aria-hidden="true">{ s.count }</text>
                            }
                        </>
                    }
                }).collect::<Html>();
                let show_label = i % every == 0;
                html! {
                    <g class="month" data-month={c.key.clone()} data-total={c.total.to_string()}>
                        { segments }
                        if c.total > 0 {
                            <text class="value" x={n(centre)} y={n(y(c.total as f64) - 5.0)} text-anchor="middle">{ c.total }</text>
                        }
                        if show_label {
                            <text class="tick" x={n(centre)} y={n(H - BOTTOM + 16.0)} text-anchor="middle">{ c.label.clone() }</text>
                        }
                        if let Some(year) = c.year.as_ref().filter(|_| show_label || i == 0) {
                            <text class="tick tick-year" x={n(centre)} y={n(H - BOTTOM + 31.0)} text-anchor="middle">{ year.clone() }</text>
                        }
                    </g>
                }
            }) }
        </svg>
    }
}

/// One row of a horizontal bar chart.
pub struct Row {
    pub label: String,
    /// `None`: no bar (no data), `text` says why.
    pub value: Option<f64>,
    pub text: String,
    pub title: String,
    pub fill: &'static str,
    pub class: &'static str,
}

/// Horizontal bars with the label above each: one `rect.bar` per row that has a value. With
/// `track`, a light bar behind shows the whole of `max` (for shares).
pub fn horizontal_bars(id: &'static str, aria: String, rows: &[Row], max: f64, track: bool) -> Html {
    const ROW: f64 = 44.0;
    const BAR: f64 = 16.0;
    const TEXT_W: f64 = 64.0;
    let h = ROW * rows.len().max(1) as f64 + 6.0;
    let plot_w = W - TEXT_W;
    let max = if max > 0.0 { max } else { 1.0 };
    html! {
        <svg {id} class="chart chart-bars" viewBox={format!("0 0 {W} {h}")} role="img" aria-label={aria}
            preserveAspectRatio="xMidYMid meet">
            { for rows.iter().enumerate().map(|(i, r)| {
                let top = ROW * i as f64;
                let bar_y = top + 20.0;
                html! {
                    <g class="row">
                        <text class="label" x="0" y={n(top + 13.0)}>{ r.label.clone() }</text>
                        if track {
                            <rect class="track" x="0" y={n(bar_y)} width={n(plot_w)} height={n(BAR)} aria-hidden="true" />
                        }
                        { match r.value {
                            Some(v) => {
                                let w = (v.clamp(0.0, max) / max * plot_w).max(2.0);
                                html! {
                                    <>
                                        <rect class={classes!("bar", r.class)} x="0" y={n(bar_y)} width={n(w)} height={n(BAR)} fill={r.fill}>
                                            <title>{ r.title.clone() }</title>
                                        </rect>
                                        <text class="value" x={n(if track { plot_w + 6.0 } else { w + 6.0 })} y={n(bar_y + BAR / 2.0)}
                                            dominant-baseline="middle">{ r.text.clone() }</text>
                                    </>
                                }
                            }
                            // Inside the bar's track (the narrow column after it holds figures, not words).
                            None => html! {
                                <text class="value value-none" x={n(if track { 8.0 } else { 0.0 })} y={n(bar_y + BAR / 2.0)}
                                    dominant-baseline="middle">{ r.text.clone() }</text>
                            },
                        } }
                    </g>
                }
            }) }
        </svg>
    }
}

/// One column of a simple column chart.
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub title: String,
    pub fill: &'static str,
}

/// Columns, one `rect.bar` each, even at zero (then a hairline on the axis).
pub fn columns(id: &'static str, aria: String, bars: &[Bar]) -> Html {
    const WIDTH: f64 = 560.0;
    const H: f64 = 250.0;
    const BOTTOM: f64 = 30.0;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0);
    let (top, step) = nice_scale(max);
    let scale = |v: f64| v / top as f64 * plot_h;
    let y = |v: f64| TOP + plot_h - scale(v);
    let slot = plot_w / bars.len().max(1) as f64;
    let bar_w = (slot * 0.6).clamp(4.0, 72.0);
    html! {
        <svg {id} class="chart chart-columns" viewBox={format!("0 0 {WIDTH} {H}")} role="img" aria-label={aria}
            preserveAspectRatio="xMidYMid meet">
            { grid(top, step, y, WIDTH) }
            { for bars.iter().enumerate().map(|(i, b)| {
                let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
                let centre = x + bar_w / 2.0;
                let h = scale(b.value as f64).max(1.0);
                html! {
                    <g class="column">
                        <rect class="bar" x={n(x)} y={n(TOP + plot_h - h)} width={n(bar_w)} height={n(h)} fill={b.fill}>
                            <title>{ b.title.clone() }</title>
                        </rect>
                        <text class="value" x={n(centre)} y={n(TOP + plot_h - h - 5.0)} text-anchor="middle">{ b.value }</text>
                        <text class="tick" x={n(centre)} y={n(H - BOTTOM + 16.0)} text-anchor="middle">{ b.label.clone() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_axis_is_round() {
        assert_eq!(nice_scale(0), (4, 1));
        assert_eq!(nice_scale(1), (1, 1));
        assert_eq!(nice_scale(5), (6, 2));
        assert_eq!(nice_scale(17), (20, 5));
        assert_eq!(nice_scale(230), (300, 100));
    }
}
