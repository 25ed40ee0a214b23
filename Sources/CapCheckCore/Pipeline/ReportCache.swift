import CapCheckSupport
import CapCheckModel
import Foundation

/// The last report a run made, kept under `<scratch>/capcheck/report` with what it was made from: the `analysis`
/// snapshot's key (`AnalysisInputs`: every input of the merged graph) and the run's `Question` (the policy file's
/// path and the content the policy was parsed from, and the options that change what the checker reports). A run that asks the same question of the
/// same inputs — nothing changed since — prints it again without reading the snapshot or searching the graph, so
/// checking that nothing changed is the whole cost of such a run. One file per build configuration, the last run's.
package struct ReportCache {
    /// What the checker is asked: everything beside the merged graph that decides the report.
    package struct Question {
        package var mode: String
        package var policyFile: String
        /// The digest of the policy file's bytes, as parsed (`Policy.contentDigest`); nil when there is none.
        package var policyDigest: String?
        package var includeTests: Bool
        package var collectValues: Bool

        /// Its digest, part of the cache key.
        package var digest: String {
            var hasher = SHA256()
            for field in [mode, policyFile, policyDigest ?? "no policy file",
                          includeTests ? "tests" : "no tests", collectValues ? "values" : "no values"] {
                hasher.update(field: field)
            }
            return hasher.hexDigest()
        }
    }

    package let scratch: URL
    package let configuration: String

    private var file: CacheFile {
        CacheFile(url: ScratchLayout(scratch: scratch).report(configuration: configuration), format: "report-1")
    }

    /// The cache file's key: the snapshot key, then the question.
    private static func key(analysis: String, question: Question) -> String { analysis + " " + question.digest }

    /// The kept report and the snapshot key it was made from, when it answered `question`; nil otherwise.
    package func load(question: Question) -> (analysisKey: String, report: AnalysisReport)? {
        guard let contents = file.read() else { return nil }
        guard let newline = contents.payload.firstIndex(of: 0x0A) else {
            file.discardUndecodable()
            return nil
        }
        let analysisKey = String(decoding: contents.payload[..<newline], as: UTF8.self)
        guard contents.matches(key: Self.key(analysis: analysisKey, question: question)) else { return nil }
        guard let report = try? JSONDecoder().decode(AnalysisReport.self, from: contents.payload[(newline + 1)...]) else {
            file.discardUndecodable()
            return nil
        }
        return (analysisKey, report)
    }

    /// Keeps `report`, the answer to `question` on the inputs of `analysisKey`; failures are ignored (it is a cache).
    package func store(_ report: AnalysisReport, question: Question, analysisKey: String) {
        guard let json = try? JSONEncoder().encode(report) else { return }
        file.write(Data((analysisKey + "\n").utf8) + json, key: Self.key(analysis: analysisKey, question: question))
    }
}
