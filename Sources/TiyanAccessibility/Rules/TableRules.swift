import Foundation
import TiyanHTML

/// The HTML table model (HTML §4.9.12) reduced to what header rules need: every cell's slot
/// rectangle, with rowspan and colspan.
struct TableGrid {
    struct Cell {
        var node: Int
        var row: Int
        var column: Int
        var width: Int
        var height: Int
    }

    var cells: [Cell] = []

    init(table: Int, page: AccessiblePage) {
        var rows: [Int] = []
        for child in page.elementChildren(table) {
            switch page[child].name {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows += page.elementChildren(child).filter { page[$0].name == "tr" }
            default: break
            }
        }
        var occupied: Set<[Int]> = []
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in page.elementChildren(row) where ["td", "th"].contains(page[cell].name) {
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

    /// The header cells a data cell has (HTML "algorithm for assigning header cells"): the ids in
    /// its `headers`, else the headers above it in its columns and before it in its rows.
    func headers(of cell: Cell, page: AccessiblePage) -> Set<Int> {
        if let ids = page.nonEmptyAttribute(cell.node, "headers") {
            return Set(ids.split(whereSeparator: \.isWhitespace).compactMap { page.tree.element(id: String($0)) })
        }
        var result: Set<Int> = []
        for header in cells where page[header.node].name == "th" && header.node != cell.node {
            let scope = page.attribute(header.node, "scope")?.lowercased() ?? ""
            let sameColumns = header.column < cell.column + cell.width && cell.column < header.column + header.width
            let sameRows = header.row < cell.row + cell.height && cell.row < header.row + header.height
            let above = sameColumns && header.row < cell.row
            let before = sameRows && header.column < cell.column
            switch scope {
            case "col", "colgroup": if above { result.insert(header.node) }
            case "row", "rowgroup": if before { result.insert(header.node) }
            default: if above || before { result.insert(header.node) }
            }
        }
        return result
    }
}

extension AccessiblePage {
    /// The nearest `<table>` of a cell, when its role keeps it a table.
    func owningTable(_ cell: Int) -> Int? {
        guard let table = ancestor(of: cell, named: ["table"]) else { return nil }
        return ["table", "grid", "treegrid"].contains(role(table) ?? "") ? table : nil
    }
}

/// a25f45 Headers attribute specified on a cell refers to cells in the same table element.
public struct HeadersReferToSameTable: ACTRule {
    public static let id = "a25f45"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.tree.elements.compactMap { node in
            guard ["td", "th"].contains(page[node].name), let ids = page.nonEmptyAttribute(node, "headers"),
                  let table = page.owningTable(node), page.isVisible(table) || page.isIncluded(table)
            else { return nil }
            for id in ids.split(whereSeparator: \.isWhitespace).map(String.init) {
                guard let target = page.tree.element(id: id), ["td", "th"].contains(page[target].name),
                      page.ancestor(of: target, named: ["table"]) == table
                else { return .failed(node, "headers names \"\(id)\", which is not a cell of the same table.") }
                if target == node { return .failed(node, "headers names the cell itself.") }
            }
            return .passed(node)
        }
    }
}

/// d0f69e Table header cell has assigned cells.
public struct HeaderHasAssignedCells: ACTRule {
    public static let id = "d0f69e"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        var grids: [Int: TableGrid] = [:]
        return page.tree.elements.compactMap { node in
            guard ["columnheader", "rowheader"].contains(page.role(node) ?? ""), page.isIncluded(node),
                  ["td", "th"].contains(page[node].name), let table = page.owningTable(node), page.isVisible(table)
            else { return nil }
            let grid = grids[table] ?? TableGrid(table: table, page: page)
            grids[table] = grid
            let assigned = grid.cells.contains { cell in
                cell.node != node && page[cell.node].name == "td" && grid.headers(of: cell, page: page).contains(node)
            }
            return .decide(node, assigned, "The header cell is assigned to no cell of its table.")
        }
    }
}
