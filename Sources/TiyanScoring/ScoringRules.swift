public import TiyanCore

/// probes/scoring.yaml as values: how indicator results become module scores, a total, a grade,
/// and the scores of the assessments evaluators report against. Changing any of it is a new
/// `algorithmVersion`, so a ranking engine never compares scores made by different rules.
public struct ScoringRules: Sendable {
    public var algorithmVersion: String
    /// Modules in file order; a module found in results but not here weighs `defaultModuleWeight`.
    public var modules: [ModuleRules]
    public var defaultModuleWeight: Double
    public var grades: GradeBands
    public var vetoes: [Veto]
    /// The 掌上好办 dimensions (可用 / 管用 / 好用 / 爱用 / 敢用), in file order.
    public var dimensions: [Assessment]
    /// The 一体化政务服务能力 items (查询精准度, 无障碍服务, …), in file order.
    public var items: [Assessment]
    /// How much of a score must rest on measurement before it is graded and ranked.
    public var coverage: CoverageRule

    public init(
        algorithmVersion: String, modules: [ModuleRules], defaultModuleWeight: Double = 1,
        grades: GradeBands, vetoes: [Veto] = [], dimensions: [Assessment] = [], items: [Assessment] = [],
        coverage: CoverageRule = CoverageRule()
    ) {
        self.algorithmVersion = algorithmVersion
        self.modules = modules
        self.defaultModuleWeight = defaultModuleWeight
        self.grades = grades
        self.vetoes = vetoes
        self.dimensions = dimensions
        self.items = items
        self.coverage = coverage
    }

    public func module(named name: String) -> ModuleRules? {
        modules.first { $0.name == name }
    }

    public func moduleWeight(_ name: String) -> Double {
        module(named: name)?.weight ?? defaultModuleWeight
    }

    /// The weight of an indicator within its module: an exact entry, else the first matching
    /// glob in file order, else the module's default weight.
    public func indicatorWeight(_ indicator: String, module name: String) -> Double {
        guard let module = module(named: name) else { return 1 }
        return module.weight(of: indicator)
    }

    /// The weight one result carries in its module: the indicator's weight, times the module's
    /// `value_weight` number from the result's value when there is one.
    public func weight(of result: IndicatorResult) -> Double {
        let base = indicatorWeight(result.indicator, module: result.module)
        guard let key = module(named: result.module)?.valueWeight,
              let factor = result.value[key]?.doubleValue, factor.isFinite, factor >= 0
        else { return base }
        return base * factor
    }
}

public struct ModuleRules: Sendable {
    public var name: String
    public var weight: Double
    public var defaultWeight: Double
    /// The shape every indicator id of the module has (e.g. `^SB-\d{2}$`), for validation.
    public var idShape: Pattern?
    public var indicators: [IndicatorWeight]
    /// A number in each result's `value` that multiplies the indicator's weight (the
    /// accessibility rules' `weight`: the share of disability groups a failure blocks), so the
    /// probe module's own data decides how much a rule matters. Absent or not a number: × 1.
    public var valueWeight: String?

    public init(name: String, weight: Double, defaultWeight: Double = 1, idShape: Pattern? = nil,
                indicators: [IndicatorWeight] = [], valueWeight: String? = nil) {
        self.name = name
        self.weight = weight
        self.defaultWeight = defaultWeight
        self.idShape = idShape
        self.indicators = indicators
        self.valueWeight = valueWeight
    }

    public func weight(of indicator: String) -> Double {
        if let exact = indicators.first(where: { !$0.pattern.isGlob && $0.pattern.text == indicator }) {
            return exact.weight
        }
        return indicators.first { $0.pattern.isGlob && $0.pattern.matches(indicator) }?.weight ?? defaultWeight
    }
}

public struct IndicatorWeight: Sendable {
    public var pattern: IndicatorPattern
    public var weight: Double

    public init(pattern: IndicatorPattern, weight: Double) {
        self.pattern = pattern
        self.weight = weight
    }
}

/// 单项否决: when an indicator has one of the given statuses, the total is capped (0 zeroes it).
public struct Veto: Sendable {
    public var indicator: String
    public var statuses: [String]
    public var cap: Double
    public var reason: String

    public init(indicator: String, statuses: [String], cap: Double, reason: String) {
        self.indicator = indicator
        self.statuses = statuses
        self.cap = cap
        self.reason = reason
    }
}

/// One dimension or item of an external assessment, and the indicators that measure it.
public struct Assessment: Sendable {
    public struct Member: Sendable {
        public var pattern: IndicatorPattern
        public var weight: Double

        public init(pattern: IndicatorPattern, weight: Double = 1) {
            self.pattern = pattern
            self.weight = weight
        }
    }

    public var name: String
    public var members: [Member]

    public init(name: String, members: [Member]) {
        self.name = name
        self.members = members
    }

    /// The weight of an indicator in this assessment; nil when it does not count here.
    public func weight(of indicator: String) -> Double? {
        members.first { $0.pattern.matches(indicator) }?.weight
    }
}

/// The coverage rule of scoring.yaml: a module, dimension, item or total whose measured share of
/// indicator weight is below `minimum` (0–100) is not graded and not ranked, and when
/// `homeIndicator` (SB-01) is not pass or partial the home page was never had, so no dimension or
/// item is scored at all. The defaults (0, none) grade everything, as before the rule existed.
public struct CoverageRule: Sendable, Hashable {
    public var minimum: Double
    public var homeIndicator: String?

    public init(minimum: Double = 0, homeIndicator: String? = nil) {
        self.minimum = minimum
        self.homeIndicator = homeIndicator
    }
}
