import ArgumentParser
import Foundation
import TiyanConfig
import TiyanProbes
import TiyanReport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Scores and the 整改清单 of a finished run as XLSX or CSV, and the 整改清单 as printable HTML.",
        discussion: """
            Reads scores.csv, results.jsonl and pages.jsonl of RUN_DIR (no network, no re-probe) and the \
            indicator names, sources and fixes of --probes. --format xlsx writes one workbook with the \
            sheets 得分 scores (scores.csv cell for cell, numbers as numbers) and 整改清单; --format csv \
            writes scores.csv and rectification.csv, with --bom a UTF-8 byte order mark and CRLF rows \
            so that Excel and WPS on Chinese Windows read UTF-8 rather than GBK. Both write \
            RUN_DIR/rectification.html (one printable page per target). Prints the paths written.
            Exit status: 0 written, 1 the run folder cannot be read or the files cannot be written, 2 usage errors.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case xlsx, csv }

    @Argument(help: "A finished run folder.")
    var runDirectory: String

    @Option(help: "Output format.")
    var format: Format = .xlsx

    @Flag(help: "CSV only: start with a UTF-8 byte order mark and end rows with CRLF, for Excel and WPS.")
    var bom = false

    @Option(help: "The probes directory (indicator names, sources and fixes).")
    var probes: String = "probes"

    @Option(help: ArgumentHelp("Where the XLSX or CSV files go (default RUN_DIR/export).", valueName: "DIR"))
    var out: String?

    func run() throws {
        do {
            let folder = try RunFolder.open(runDirectory)
            let scoresText = try folder.text("scores.csv")
            let scores = try folder.scores()
            let resultsFile = folder.path + "/results.jsonl"
            let results = try RunFileDecoding.lines(try folder.text("results.jsonl"), file: resultsFile)
                .map { try RunFileDecoding.result($0, file: resultsFile) }
            let pagesFile = folder.path + "/pages.jsonl"
            let pages = (try? folder.text("pages.jsonl")).map { text in
                (try? RunFileDecoding.lines(text, file: pagesFile).map { try RunFileDecoding.page($0, file: pagesFile) }) ?? []
            } ?? []
            let guide: IndicatorGuide
            do {
                let configuration = try ProbeConfiguration.load(directory: probes)
                guide = try IndicatorGuides.make(runner: try ProbeRunner(configuration: configuration),
                                                 configuration: configuration)
            } catch let errors as ConfigurationErrors {
                throw RunFailure("bad configuration:\n" + errors.description)
            }
            let list = Rectification(scores: scores, results: results, pages: pages, guide: guide)
            let directory = out ?? folder.path + "/export"
            var written: [String] = []
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                switch format {
                case .xlsx:
                    let path = directory + "/tiyan-\(folder.runID).xlsx"
                    try AtomicFile.write(RunExport.workbook(scoresCSV: scoresText, rectification: list), to: path)
                    written.append(path)
                case .csv:
                    try AtomicFile.write(RunExport.scoresCSV(scoresText, bom: bom), to: directory + "/scores.csv")
                    try AtomicFile.write(RunExport.rectificationCSV(list, bom: bom), to: directory + "/rectification.csv")
                    written += [directory + "/scores.csv", directory + "/rectification.csv"]
                }
                let page = folder.path + "/rectification.html"
                try AtomicFile.write(list.renderHTML(runID: folder.runID, algorithmVersion: folder.algorithmVersion ?? ""),
                                     to: page)
                written.append(page)
            } catch {
                throw RunFailure("cannot write the export: \(error)")
            }
            for path in written { print(path) }
        } catch let failure as ReadFailure {
            Progress.line("tiyan: \(failure.description)")
            throw ExitCode(1)
        } catch let failure as RunFailure {
            Progress.line("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
    }
}
