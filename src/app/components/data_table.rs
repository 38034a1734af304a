use std::rc::Rc;

use yew::prelude::*;

/// One row of a [`data_table`]: a label and one formatted cell per year.
#[derive(Clone, Debug, PartialEq)]
pub struct DataRow {
    pub label: String,
    pub cells: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The disclosure's label, e.g. "以表格查看图中数据".
    pub summary: AttrValue,
    pub first_column: AttrValue,
    pub years: Rc<Vec<u16>>,
    pub rows: Rc<Vec<DataRow>>,
    pub testid: AttrValue,
    /// Open the table by default.
    pub open: bool,
}

/// The table alternative of a chart, in a disclosure, scrolling sideways
/// inside itself on a narrow screen.
pub fn data_table(props: &DataTableProps) -> Html {
    html! {
        <DataTable summary={props.summary.clone()} first_column={props.first_column.clone()}
            years={props.years.clone()} rows={props.rows.clone()} testid={props.testid.clone()}
            open={props.open} />
    }
}

/// A `<details>` element's `toggle` handler that keeps `open` in step with
/// it, for a disclosure whose content is built only while it is open (a
/// chart's data table, the drawer's closed groups).
pub fn track_open(open: &UseStateHandle<bool>) -> Callback<Event> {
    let open = open.clone();
    Callback::from(move |event: Event| {
        if let Some(details) = event.target_dyn_into::<web_sys::Element>() {
            open.set(details.has_attribute("open"));
        }
    })
}

/// The table is built only while its disclosure is open: closed (as every
/// chart's is until someone asks), an input costs no table cells to diff and
/// a page load creates none. Opening it (the `toggle` event) builds it.
#[function_component]
fn DataTable(props: &DataTableProps) -> Html {
    let open = use_state_eq(|| props.open);
    let ontoggle = track_open(&open);
    let table = open.then(|| {
        let header_cells = props
            .years
            .iter()
            .map(|year| html! { <th scope="col">{ year }</th> });
        let rows = props.rows.iter().map(|row| {
            html! {
                <tr>
                    <th scope="row">{ row.label.clone() }</th>
                    { for row.cells.iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }
                </tr>
            }
        });
        html! {
            <div class="table-scroll">
                <table data-testid={props.testid.clone()}>
                    <thead>
                        <tr>
                            <th scope="col">{ props.first_column.clone() }</th>
                            { for header_cells }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        }
    });
    html! {
        <details class="chart-table" open={*open} {ontoggle} data-testid={format!("{}-details", props.testid)}>
            <summary>{ props.summary.clone() }</summary>
            { for table }
        </details>
    }
}
