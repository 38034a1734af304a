use std::rc::Rc;

use yew::prelude::*;

/// One row of a [`data_table`]: a label and one formatted cell per year.
#[derive(Clone, Debug, PartialEq)]
pub struct DataRow {
    pub label: String,
    pub cells: Vec<String>,
}

#[derive(PartialEq)]
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
/// A plain function of its props: the rows change with the inputs, so a
/// component boundary would save no work.
pub fn data_table(props: &DataTableProps) -> Html {
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
        <details class="chart-table" open={props.open}>
            <summary>{ props.summary.clone() }</summary>
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
        </details>
    }
}
