import ArgumentParser

/// `caesar lesson …`: exact worked examples for the textbook exercises, one file a lesson.
struct Lesson: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Worked examples: BPTT by hand, an LSTM cell, gradient flow, matrix shapes, the recurrent setups.",
        discussion: """
            Every value is computed exactly in Double and shown; see Sources/CaesarLessons/README.md \
            for the tutorial. 'setups' trains small networks instead; see Sources/CaesarSetups/README.md.

            Examples:
              caesar lesson bptt
              caesar lesson lstm --json
            """,
        subcommands: [LessonBPTT.self, LessonLSTM.self, LessonGradients.self, LessonShapes.self, LessonSetups.self]
    )
}
