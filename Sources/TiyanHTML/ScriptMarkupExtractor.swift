/// Finds the markup a script writes into the page, over `JavaScriptLexer` tokens, in one pass.
///
/// Sinks: `document.write` / `writeln` (all calls of one script form one stream, as the browser
/// parses them), `.innerHTML` / `.outerHTML` `=` and `+=`, `.insertAdjacentHTML(pos, html)`, and
/// jQuery's `.html()`, `.append()`, `.prepend()`, `.after()`, `.before()`, `.replaceWith()` and
/// `$("<…>")`. An argument's value is the concatenation of the string literals in the expression
/// at its own level: `+` chains across lines, `(…)` groups, array literals (with `.join(sep)`),
/// and the values of variables built earlier from literals (`var h = '<div>'; h += '…';
/// h.push('…'); el.innerHTML = h`). Anything else — calls, object literals, functions, unknown
/// variables — counts as empty, so `'<a href="' + base + '/login">'` gives `<a href="/login">`,
/// and both branches of `c ? '<a>' : '<b>'` are kept. Variables are tracked by name without
/// scopes (a heuristic: minified code reuses names), and their values are capped in size.
/// Template literals substitute such variables (`${h}`). Elements built with
/// `document.createElement(tag)` and given literal text (`innerText`, `textContent`,
/// `innerHTML`), attributes (`src`, `href`, `id`, `className`, `title`, `setAttribute`) or an
/// `onclick` are written as one `<tag …>…</tag>` fragment where they are created: toolbar
/// loaders add their 长辈版 button and their `<script src>` that way.
struct ScriptMarkupExtractor {
    struct Evaluation {
        var text = ""
        var found = false
        var end: Int
    }

    static let maximumValueLength = 256 * 1024
    /// Bytes of variable values copied into expressions over the whole script; past it variables
    /// are no longer substituted, so `h = h + '…'` repeated without end stays bounded.
    static let substitutionBudget = 64 * 1024 * 1024
    /// Nested groups deeper than this are skipped, which bounds the recursion on any input.
    static let maximumDepth = 32
    private static let variableBudget = 16 * 1024 * 1024

    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [JavaScriptToken]
    /// For an opening bracket token, the index of its closing partner (or `tokens.count`).
    let closing: [Int]
    private(set) var variables: [String: String] = [:]
    private var storedBytes = 0
    let substitutions = ByteBudget(ScriptMarkupExtractor.substitutionBudget)
    private var found: [(position: Int, text: String)] = []
    /// Elements made by `document.createElement`, by variable name, until the script ends.
    private var created: [String: CreatedElement] = [:]
    /// All document.write output, in order, and where the first call is.
    private var written = ""
    private var writtenPosition: Int?

    static func fragments(in script: String) -> [String] {
        var script = script
        return script.withUTF8 { buffer in
            var extractor = ScriptMarkupExtractor(buffer)
            return extractor.run()
        }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens = JavaScriptLexer.tokens(of: bytes)
        closing = ScriptMarkupExtractor.matchBrackets(tokens, bytes)
    }

    private static func matchBrackets(_ tokens: [JavaScriptToken], _ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var closing = [Int](repeating: tokens.count, count: tokens.count)
        var open: [(index: Int, closer: UInt8)] = []
        for (index, token) in tokens.enumerated() where token.kind == .punctuator && token.end - token.start == 1 {
            switch bytes[token.start] {
            case UInt8(ascii: "("): open.append((index, UInt8(ascii: ")")))
            case UInt8(ascii: "["): open.append((index, UInt8(ascii: "]")))
            case UInt8(ascii: "{"): open.append((index, UInt8(ascii: "}")))
            case let byte where byte == open.last?.closer:
                if let opener = open.popLast() { closing[opener.index] = index }
            default:
                break
            }
        }
        return closing
    }

    private mutating func run() -> [String] {
        var index = 0
        while index < tokens.count {
            switch tokens[index].kind {
            case .word: visitWord(index)
            case .punctuator where isPunctuator(index, ".") || isPunctuator(index, "?."): visitMember(index)
            default: break
            }
            index += 1
        }
        if let writtenPosition, written.contains("<") { found.append((writtenPosition, written)) }
        for element in created.values { flush(element) }
        var seen = Set<String>()
        return found.sorted { $0.position < $1.position }.map(\.text).filter { seen.insert($0).inserted }
    }

    // MARK: - Statements

    private mutating func visitWord(_ index: Int) {
        if isWord(index, "document"), isPunctuator(index + 1, "."), isPunctuator(index + 3, "("),
           isWord(index + 2, "write") || isWord(index + 2, "writeln")
        {
            let arguments = self.arguments(of: index + 3)
            guard arguments.contains(where: \.found) else { return }
            let text = arguments.map(\.text).joined() + (isWord(index + 2, "writeln") ? "\n" : "")
            if writtenPosition == nil { writtenPosition = index }
            ScriptMarkupExtractor.append(text, to: &written)
            return
        }
        if index > 0, isPunctuator(index - 1, ".") || isPunctuator(index - 1, "?.") { return }
        if isWord(index, "$") || isWord(index, "jQuery"), isPunctuator(index + 1, "(") {
            addFragment(arguments(of: index + 1).first, at: index)
        } else if isPunctuator(index + 1, "="), let tag = createdTag(at: index + 2) {
            if let previous = created.removeValue(forKey: text(of: index)) { flush(previous) }
            created[text(of: index)] = CreatedElement(position: index, tag: tag)
        } else if isPunctuator(index + 1, "=") {
            assign(evaluate(from: index + 2, limit: tokens.count), to: index, appending: false)
        } else if isPunctuator(index + 1, "+=") {
            assign(evaluate(from: index + 2, limit: tokens.count), to: index, appending: true)
        } else if isPunctuator(index + 1, "."), isWord(index + 2, "push"), isPunctuator(index + 3, "(") {
            for argument in arguments(of: index + 3) { assign(argument, to: index, appending: true) }
        } else if index > 0, isPunctuator(index + 1, ";") || isPunctuator(index + 1, ","),
                  isWord(index - 1, "var") || isWord(index - 1, "let"), !variables.isEmpty
        {
            variables[text(of: index)] = nil
        }
    }

    private mutating func visitMember(_ index: Int) {
        let name = index + 1
        guard name < tokens.count, tokens[name].kind == .word else { return }
        if index > 0, tokens[index - 1].kind == .word, !isPunctuator(index - 2, "."),
           created[text(of: index - 1)] != nil
        {
            if setCreated(text(of: index - 1), member: name) { return }
        }
        if isWord(name, "innerHTML") || isWord(name, "outerHTML"),
           isPunctuator(name + 1, "=") || isPunctuator(name + 1, "+=")
        {
            addFragment(evaluate(from: name + 2, limit: tokens.count), at: index)
        } else if isPunctuator(name + 1, "(") {
            let sinks: [StaticString] = ["html", "append", "prepend", "after", "before", "replaceWith"]
            if sinks.contains(where: { isWord(name, $0) }) {
                addFragment(arguments(of: name + 1).first, at: index)
            } else if isWord(name, "insertAdjacentHTML") {
                let arguments = self.arguments(of: name + 1)
                addFragment(arguments.count > 1 ? arguments[1] : nil, at: index)
            }
        }
    }

    // MARK: - Created elements

    struct CreatedElement {
        var position: Int
        var tag: String
        var attributes: [(name: String, value: String)] = []
        var inner = ""
    }

    /// `document.createElement('tag')` starting at `index`: the tag, lower-cased.
    private func createdTag(at index: Int) -> String? {
        guard isWord(index, "document"), isPunctuator(index + 1, "."), isWord(index + 2, "createElement"),
              isPunctuator(index + 3, "("), index + 4 < tokens.count, tokens[index + 4].kind == .string,
              isPunctuator(index + 5, ")")
        else { return nil }
        let tag = literal(index + 4).lowercased()
        guard !tag.isEmpty, tag.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })
        else { return nil }
        return tag
    }

    /// Records what a statement `element.member = …` or `element.setAttribute(…)` gives a created
    /// element; false when the member is not one that shows.
    private mutating func setCreated(_ variable: String, member name: Int) -> Bool {
        let attributeNames: [(StaticString, String)] = [
            ("src", "src"), ("href", "href"), ("id", "id"), ("className", "class"), ("title", "title"),
            ("alt", "alt"), ("type", "type"), ("value", "value"),
        ]
        if isWord(name, "setAttribute"), isPunctuator(name + 1, "(") {
            let arguments = self.arguments(of: name + 1)
            guard arguments.count == 2, arguments[0].found, arguments[1].found else { return true }
            created[variable]?.attributes.append((arguments[0].text, arguments[1].text))
            return true
        }
        guard isPunctuator(name + 1, "=") || isPunctuator(name + 1, "+=") else { return false }
        if isWord(name, "onclick") {
            let handler = sourceText(from: name + 2, maximum: 300)
            created[variable]?.attributes.append(("onclick", handler))
            return true
        }
        let value = evaluate(from: name + 2, limit: tokens.count)
        guard value.found else { return isWord(name, "innerHTML") }
        if isWord(name, "innerHTML") {
            created[variable]?.inner += value.text
        } else if isWord(name, "innerText") || isWord(name, "textContent") {
            created[variable]?.inner += Self.escaped(value.text)
        } else if let attribute = attributeNames.first(where: { isWord(name, $0.0) }) {
            created[variable]?.attributes.append((attribute.1, value.text))
        } else {
            return false
        }
        return true
    }

    /// The raw text of an expression (a handler's body) up to the end of its statement, capped.
    private func sourceText(from start: Int, maximum: Int) -> String {
        guard start < tokens.count else { return "" }
        var index = start
        while index < tokens.count, !isTerminator(index) {
            index = isOpening(index) ? closing[index] + 1 : index + 1
        }
        let last = min(index, tokens.count) - 1
        guard last >= start else { return "" }
        let from = tokens[start].start
        let end = min(tokens[last].end, from + maximum)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self)
    }

    private mutating func flush(_ element: CreatedElement) {
        guard !element.attributes.isEmpty || !element.inner.isEmpty else { return }
        let attributes = element.attributes.map { " \($0.name)=\"\(Self.escaped($0.value))\"" }.joined()
        found.append((element.position, "<\(element.tag)\(attributes)>\(element.inner)</\(element.tag)>"))
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private mutating func addFragment(_ evaluation: Evaluation?, at position: Int) {
        guard let evaluation, evaluation.found, evaluation.text.contains("<") else { return }
        found.append((position, evaluation.text))
    }

    private mutating func assign(_ evaluation: Evaluation, to nameIndex: Int, appending: Bool) {
        guard evaluation.found || (!appending && !variables.isEmpty) else { return }
        let name = text(of: nameIndex)
        let previous = variables[name]?.utf8.count ?? 0
        guard evaluation.found else {
            variables[name] = nil
            storedBytes -= previous
            return
        }
        guard storedBytes + evaluation.text.utf8.count <= ScriptMarkupExtractor.variableBudget else { return }
        // Appending in place keeps a long run of `h += '…'` linear.
        if appending {
            ScriptMarkupExtractor.append(evaluation.text, to: &variables[name, default: ""])
        } else {
            variables[name] = evaluation.text
        }
        storedBytes += (variables[name]?.utf8.count ?? 0) - previous
    }
}

/// A byte allowance shared by the non-mutating evaluation functions.
final class ByteBudget {
    private var remaining: Int

    init(_ total: Int) { remaining = total }

    func spend(_ amount: Int) -> Bool {
        guard amount <= remaining else { return false }
        remaining -= amount
        return true
    }
}
