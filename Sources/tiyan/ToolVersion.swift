import TiyanCore

enum ToolVersion {
    static var current: String { TiyanVersion.current }
}
