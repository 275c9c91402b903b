public enum TiyanVersion {
    public static let current = "0.1.0"
    /// The honest User-Agent names the tool and where to reach its operators.
    public static let defaultContactURL = "https://github.com/tiyan-project/tiyan"
}
