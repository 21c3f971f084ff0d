package io.github.customeremail;

import java.util.List;

/** Building finding lists along the pipeline. */
final class Findings {

    private Findings() {
    }

    /**
     * @return a new immutable list: {@code list} then {@code finding}. Immutable because {@link EmailCheck} keeps
     *         such a list as it is, where it would copy a mutable one: one or two findings cost one small object.
     */
    static List<Finding> append(List<Finding> list, Finding finding) {
        int n = list.size();
        if (n == 0) {
            return List.of(finding);
        }
        if (n == 1) {
            return List.of(list.get(0), finding);
        }
        Finding[] all = list.toArray(new Finding[n + 1]);
        all[n] = finding;
        return List.of(all);
    }

    /** @return the first finding with this code, or {@code null} */
    static Finding first(List<Finding> findings, FindingCode code) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.code().equals(code)) {
                return f;
            }
        }
        return null;
    }
}
