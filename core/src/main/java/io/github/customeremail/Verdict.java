package io.github.customeremail;

/**
 * The overall answer for one address, ordered from best to worst for a user interface.
 *
 * <table>
 *   <caption>What each verdict means and what a UI does with it</caption>
 *   <tr><th>verdict</th><th>meaning</th><th>what a UI does</th></tr>
 *   <tr><td>{@link #VALID}</td><td>passes every enabled check (safe repairs may have been applied)</td>
 *       <td>save {@link EmailCheck#normalized()}</td></tr>
 *   <tr><td>{@link #SUGGEST}</td><td>probably a typo; {@link EmailCheck#suggestion()} holds what was likely meant</td>
 *       <td>ask: "¿Quiso decir …?"</td></tr>
 *   <tr><td>{@link #INVALID}</td><td>cannot be a deliverable customer address (syntax, policy, no mail servers)</td>
 *       <td>refuse and say why</td></tr>
 *   <tr><td>{@link #UNKNOWN}</td><td>well-formed, but DNS could not answer in time</td>
 *       <td>save, flag for a later re-check</td></tr>
 * </table>
 */
public enum Verdict {
    /** Passes every enabled check; safe repairs may have been applied. */
    VALID,
    /** Probably a typo: a suggestion is available. */
    SUGGEST,
    /** Cannot be a deliverable customer address. */
    INVALID,
    /** Well-formed, but the mail-domain check could not answer (DNS failure or deadline). */
    UNKNOWN
}
