import Foundation
import CXMLShim

extension HTMLDocument {
    private static let fieldNames: Set<String> = ["input", "select", "textarea", "button"]

    func extractForms() -> [HTMLForm] {
        let formNodes = elements { $0.hasName("form") }
        guard !formNodes.isEmpty else { return [] }
        var formsByID: [String: NodePointer] = [:]
        for form in formNodes {
            if let id = form.attribute("id"), formsByID[id] == nil { formsByID[id] = form }
        }

        // Fields are assigned to forms in one pass so that `form="id"` fields outside the form
        // element (and forms split by table markup) still count.
        var fieldsByForm: [NodePointer: [HTMLFormField]] = [:]
        for field in elements(where: { HTMLDocument.fieldNames.contains($0.name) }) {
            let owner = field.attribute("form").flatMap { formsByID[$0] } ?? HTMLDocument.ancestorForm(of: field)
            guard let owner else { continue }
            fieldsByForm[owner, default: []].append(self.field(field))
        }

        return formNodes.map { node in
            let action = node.attribute("action")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let method = node.attribute("method")?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() ?? ""
            return HTMLForm(
                action: action.isEmpty || action.hasPrefix("#")
                    ? URLResolver.resolve(url, against: url) : URLResolver.resolve(action, against: baseURL),
                method: ["get", "post", "dialog"].contains(method) ? method : "get",
                fields: fieldsByForm[node] ?? [], element: snapshot(node))
        }
    }

    private static func ancestorForm(of node: NodePointer) -> NodePointer? {
        var ancestor = node.pointee.parent
        while let current = ancestor, current.isElement {
            if current.hasName("form") { return current }
            ancestor = current.pointee.parent
        }
        return nil
    }

    private func field(_ node: NodePointer) -> HTMLFormField {
        let tag = node.name
        let declaredType = node.attribute("type")?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() ?? ""
        let type: String
        let value: String
        switch tag {
        case "select":
            type = node.hasAttribute("multiple") ? "select-multiple" : "select-one"
            let options = NodeWalk.descendants(of: node) { $0.hasName("option") }
            let chosen = options.first { $0.hasAttribute("selected") } ?? options.first
            value = chosen.map { $0.attribute("value") ?? ElementText.content(of: $0) } ?? ""
        case "textarea":
            type = "textarea"
            value = node.rawText
        case "button":
            type = declaredType.isEmpty ? "submit" : declaredType
            value = node.attribute("value") ?? ""
        default:
            type = declaredType.isEmpty ? "text" : declaredType
            value = node.attribute("value") ?? ""
        }
        return HTMLFormField(
            tag: tag, type: type, name: node.attribute("name") ?? "", value: value, element: snapshot(node))
    }
}
