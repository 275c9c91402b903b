import Foundation
import TiyanHTML

/// The table model (HTML §4.9.12, and ARIA tables built of rows and cells by role) reduced to
/// what the header rules need: every cell's slot rectangle, with rowspan and colspan.
struct TableGrid {
    struct Cell {
        var node: Int
        var row: Int
        var column: Int
        var width: Int
        var height: Int
    }

    static let tableRoles: Set<String> = ["table", "grid", "treegrid"]
    static let cellRoles: Set<String> = ["cell", "gridcell", "columnheader", "rowheader"]

    var cells: [Cell] = []

    init(table: Int, page: AccessiblePage) {
        let rows = Self.owned(by: table, page: page, roles: ["row"], stopAt: Self.tableRoles)
        var occupied: Set<[Int]> = []
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in Self.owned(by: row, page: page, roles: Self.cellRoles, stopAt: ["row"]) {
                while occupied.contains([rowIndex, column]) { column += 1 }
                let width = max(1, min(1000, page.attribute(cell, "colspan").flatMap { Int($0) } ?? 1))
                var height = min(65534, page.attribute(cell, "rowspan").flatMap { Int($0) } ?? 1)
                if height <= 0 { height = max(1, rows.count - rowIndex) }
                for r in rowIndex..<min(rows.count, rowIndex + height) {
                    for c in column..<(column + width) { occupied.insert([r, c]) }
                }
                cells.append(Cell(node: cell, row: rowIndex, column: column, width: width, height: height))
                column += width
            }
        }
    }

    /// Descendants of `owner` with one of `roles`, not looking inside them nor inside elements of
    /// a role in `stopAt` (nested tables, nested rows).
    static func owned(by owner: Int, page: AccessiblePage, roles: Set<String>, stopAt: Set<String>) -> [Int] {
        var result: [Int] = []
        var stack = Array(page.elementChildren(owner).reversed())
        while let next = stack.popLast() {
            let role = page.role(next) ?? ""
            if roles.contains(role) {
                result.append(next)
                continue
            }
            if stopAt.contains(role) { continue }
            stack.append(contentsOf: page.elementChildren(next).reversed())
        }
        return result
    }

    /// The header cells of a cell (HTML "algorithm for assigning header cells", by role): the
    /// ids in its `headers`, else the column headers above it in its columns and the row headers
    /// before it in its rows.
    func headers(of cell: Cell, page: AccessiblePage) -> Set<Int> {
        if let ids = page.nonEmptyAttribute(cell.node, "headers") {
            return Set(ids.split(whereSeparator: \.isWhitespace).compactMap { page.tree.element(id: String($0)) })
        }
        var result: Set<Int> = []
        for header in cells where header.node != cell.node {
            switch page.role(header.node) {
            case "columnheader":
                let sameColumns = header.column < cell.column + cell.width && cell.column < header.column + header.width
                if sameColumns, header.row < cell.row { result.insert(header.node) }
            case "rowheader":
                let sameRows = header.row < cell.row + cell.height && cell.row < header.row + header.height
                if sameRows, header.column < cell.column { result.insert(header.node) }
            default: break
            }
        }
        return result
    }
}

extension AccessiblePage {
    /// The nearest element of a table role (an HTML or ARIA table) above a cell.
    func semanticTable(_ cell: Int) -> Int? {
        tree.ancestors(of: cell).first { TableGrid.tableRoles.contains(role($0) ?? "") }
    }

    /// The nearest `<table>` of a cell, when its role keeps it a table.
    func owningTable(_ cell: Int) -> Int? {
        guard let table = ancestor(of: cell, named: ["table"]) else { return nil }
        return ["table", "grid", "treegrid"].contains(role(table) ?? "") ? table : nil
    }
}

/// a25f45 Headers attribute specified on a cell refers to cells in the same table element (W3C
/// ACT rule a25f45, version of 31 August 2023): the table must be visible and in the
/// accessibility tree, and of role table, grid or treegrid.
public struct HeadersReferToSameTable: ACTRule {
    public static let id = "a25f45"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            // The attribute is the target even when empty: an empty token set names no wrong cell.
            guard ["td", "th"].contains(page[node].name), page.isHTML(node), let ids = page[node].attribute("headers"),
                  let table = page.owningTable(node), page.isVisible(table), page.isIncluded(table)
            else { return nil }
            for id in ids.split(whereSeparator: AccessiblePage.isASCIIWhitespace).map(String.init) {
                guard let target = page.tree.element(id: id), ["td", "th"].contains(page[target].name),
                      page.ancestor(of: target, named: ["table"]) == table
                else { return .failed(node, "headers names \"\(id)\", which is not a cell of the same table.") }
                if target == node { return .failed(node, "headers names the cell itself.") }
            }
            return .passed(node)
        }
    }
}

/// d0f69e Table header cell has assigned cells (W3C ACT rule d0f69e, version of 19 January 2026):
/// a visible header cell in the accessibility tree whose nearest semantic table or grid is in
/// the tree too.
public struct HeaderHasAssignedCells: ACTRule {
    public static let id = "d0f69e"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        var assignedByTable: [Int: Set<Int>] = [:]
        return page.elements.compactMap { node in
            guard ["columnheader", "rowheader"].contains(page.role(node) ?? ""), page.isHTML(node),
                  page.isVisible(node), page.isIncluded(node),
                  let table = page.semanticTable(node), page.isIncluded(table)
            else { return nil }
            let headers = assignedByTable[table] ?? {
                let grid = TableGrid(table: table, page: page)
                return grid.cells.reduce(into: Set<Int>()) { found, cell in
                    found.formUnion(grid.headers(of: cell, page: page).subtracting([cell.node]))
                }
            }()
            assignedByTable[table] = headers
            let assigned = headers.contains(node)
            return .decide(node, assigned, "The header cell is assigned to no cell of its table.")
        }
    }
}
