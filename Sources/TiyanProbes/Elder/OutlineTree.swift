import TiyanCSS
import TiyanHTML

/// A page's elements as the selector matcher reads them.
struct OutlineTree: CSSElementTree {
    let rows: [HTMLOutlineElement]

    var elementCount: Int { rows.count }
    func name(of element: Int) -> String { rows[element].name }
    func attribute(_ name: String, of element: Int) -> String? { rows[element].attribute(name) }
    func parent(of element: Int) -> Int? { rows[element].parent }
    func previousSibling(of element: Int) -> Int? { rows[element].previousSibling }
    func hasNextSibling(_ element: Int) -> Bool { rows[element].hasNextSibling }
}
