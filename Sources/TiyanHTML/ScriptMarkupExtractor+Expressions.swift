import Foundation

extension ScriptMarkupExtractor {
    /// The literal text of one expression starting at `start`, stopping at `limit`, at a `,`,
    /// `;`, closing bracket or assignment on its own level, or at a line break where JavaScript
    /// would insert a semicolon.
    func evaluate(from start: Int, limit: Int, depth: Int = 0) -> Evaluation {
        var result = Evaluation(end: start)
        var index = start
        var previousIsOperand = false
        loop: while index < limit {
            let token = tokens[index]
            if index > start, token.newlineBefore, previousIsOperand, !continuesExpression(index) { break }
            switch token.kind {
            case .string:
                append(literal(index), to: &result)
                index += 1
                previousIsOperand = true
            case .template:
                append(templateValue(index), to: &result)
                index += 1
                previousIsOperand = true
            case .regex:
                index += 1
                previousIsOperand = true
            case .word:
                let isProperty = index > start && (isPunctuator(index - 1, ".") || isPunctuator(index - 1, "?."))
                if !isProperty, !variables.isEmpty, let value = variables[text(of: index)],
                   substitutions.spend(value.utf8.count)
                {
                    append(value, to: &result)
                }
                index += 1
                previousIsOperand = true
            case .punctuator:
                if isTerminator(index) || isAssignment(index) { break loop }
                if isPunctuator(index, "(") {
                    let close = closing[index]
                    // After an operand it is a call, whose arguments are not this expression's text,
                    // except the decoders that the conac badge snippet and others wrap markup in.
                    if !previousIsOperand, depth < ScriptMarkupExtractor.maximumDepth {
                        append(evaluate(from: index + 1, limit: close, depth: depth + 1), to: &result)
                    } else if isDecoderCall(before: index, start: start), depth < ScriptMarkupExtractor.maximumDepth {
                        var argument = evaluate(from: index + 1, limit: close, depth: depth + 1)
                        argument.text = argument.text.removingPercentEncoding ?? argument.text
                        append(argument, to: &result)
                    }
                    index = close + 1
                } else if isPunctuator(index, "[") {
                    let close = closing[index]
                    index = previousIsOperand || depth >= ScriptMarkupExtractor.maximumDepth
                        ? close + 1 : arrayLiteral(open: index, close: close, depth: depth + 1, into: &result)
                } else if isPunctuator(index, "{") {
                    index = closing[index] + 1
                } else if isPunctuator(index, ".") || isPunctuator(index, "?.") {
                    index += index + 1 < limit && tokens[index + 1].kind == .word ? 2 : 1
                } else {
                    index += 1
                    previousIsOperand = false
                    continue loop
                }
                previousIsOperand = true
            }
        }
        result.end = min(index, limit)
        return result
    }

    /// `unescape(…)`, `decodeURIComponent(…)` or `decodeURI(…)` called as plain functions.
    func isDecoderCall(before open: Int, start: Int) -> Bool {
        let name = open - 1
        guard name >= start, tokens[name].kind == .word else { return false }
        if name > start, isPunctuator(name - 1, ".") || isPunctuator(name - 1, "?.") { return false }
        return isWord(name, "unescape") || isWord(name, "decodeURIComponent") || isWord(name, "decodeURI")
    }

    /// Appends an array literal's elements (joined by `.join(sep)` when it follows) and returns
    /// the index after the literal or the join call.
    func arrayLiteral(open: Int, close: Int, depth: Int, into result: inout Evaluation) -> Int {
        let elements = list(from: open + 1, to: close, depth: depth)
        var end = close + 1
        var separator = ","
        if isPunctuator(close + 1, "."), isWord(close + 2, "join"), isPunctuator(close + 3, "(") {
            separator = list(from: close + 4, to: closing[close + 3], depth: depth).first?.text ?? ","
            end = closing[close + 3] + 1
        }
        if elements.contains(where: \.found) {
            append(Evaluation(text: elements.map(\.text).joined(separator: separator), found: true, end: close), to: &result)
        }
        return end
    }

    func arguments(of open: Int) -> [Evaluation] {
        guard open < tokens.count else { return [] }
        return list(from: open + 1, to: closing[open])
    }

    /// Comma-separated expressions between two bracket positions.
    func list(from start: Int, to close: Int, depth: Int = 0) -> [Evaluation] {
        var items: [Evaluation] = []
        var index = start
        while index < close {
            let item = evaluate(from: index, limit: close, depth: depth)
            items.append(item)
            index = max(item.end, index)
            // Whatever stopped the expression early (an assignment, a line break) is skipped up
            // to the next comma on this level.
            while index < close, !isPunctuator(index, ",") {
                index = isOpening(index) ? closing[index] + 1 : index + 1
            }
            index += 1
        }
        return items
    }

    func append(_ evaluation: Evaluation, to result: inout Evaluation) {
        guard evaluation.found else { return }
        append(evaluation.text, to: &result)
    }

    func append(_ text: String, to result: inout Evaluation) {
        result.found = true
        ScriptMarkupExtractor.append(text, to: &result.text)
    }

    /// Appends up to `maximumValueLength` bytes in all; past that the value stays as it is.
    static func append(_ text: String, to value: inout String) {
        let room = maximumValueLength - value.utf8.count
        guard room > 0 else { return }
        if text.utf8.count <= room {
            value.append(text)
        } else {
            value.append(String(decoding: text.utf8.prefix(room), as: UTF8.self))
        }
    }
}
