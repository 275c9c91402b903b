/// The opening every page tiyan writes shares, up to and including `<title>`: the policy that
/// keeps page-derived text inert (no script, no external request, no referrer) lives here once.
enum HTMLHead {
    /// `title` must already be escaped. `allowsDataImages` adds `img-src data:` for the
    /// report's inline screenshots, and nothing else: an image from any URL stays blocked, as do
    /// scripts, frames and every other fetch.
    static func opening(language: String, escapedTitle title: String, allowsDataImages: Bool = false) -> String {
        let images = allowsDataImages ? "; img-src data:" : ""
        return """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'\(images)">
        <meta name="referrer" content="no-referrer">
        <title>\(title)</title>

        """
    }
}
