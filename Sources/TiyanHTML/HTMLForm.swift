public struct HTMLFormField: Sendable, Hashable {
    /// `input`, `select`, `textarea` or `button`.
    public var tag: String
    /// Lower-cased, as the DOM's `type` reads: an input's type (default `text`), a button's
    /// (default `submit`), `select-one` / `select-multiple`, `textarea`.
    public var type: String
    public var name: String
    /// The initial value: `value` attribute, a textarea's text, the selected (else first)
    /// option of a select.
    public var value: String
    public var element: HTMLElement
    public init(tag: String, type: String, name: String, value: String, element: HTMLElement) {
        self.tag = tag
        self.type = type
        self.name = name
        self.value = value
        self.element = element
    }
}

public struct HTMLForm: Sendable, Hashable {
    /// The absolute URL the form submits to: `action` resolved against the base URL, the
    /// document's URL when `action` is absent, empty or a fragment (as browsers do), nil when unusable
    /// (`javascript:`). The raw value is `element.attribute("action")`.
    public var action: String?
    /// `get`, `post` or `dialog`, lower-cased; `get` when absent or unknown.
    public var method: String
    /// Fields inside the form, plus fields elsewhere whose `form` attribute names its id.
    public var fields: [HTMLFormField]
    public var element: HTMLElement
    public init(action: String?, method: String, fields: [HTMLFormField], element: HTMLElement) {
        self.action = action
        self.method = method
        self.fields = fields
        self.element = element
    }
}
