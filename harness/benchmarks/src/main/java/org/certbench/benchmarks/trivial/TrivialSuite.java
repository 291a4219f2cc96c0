package org.certbench.benchmarks.trivial;

import org.certbench.api.Assessment;
import org.certbench.api.Level;
import org.certbench.api.Provision;
import org.certbench.api.Standard;
import org.certbench.api.TestCase;

/**
 * 100 cases that pass at once: with 100 devices, 10,000 cases through the certbench engine, for the
 * engine-overhead row of {@code run.sh} (against {@link TrivialJupiterTests}).
 */
@Standard(id = "bench-trivial", version = "1", title = "Trivial cases for the engine benchmark")
public final class TrivialSuite {

    @Provision(id = "T1", level = Level.MANDATORY)
    @TestCase(id = "T1-1", assessment = Assessment.FUNCTIONAL)
    void case1() {
    }

    @Provision(id = "T2", level = Level.MANDATORY)
    @TestCase(id = "T2-1", assessment = Assessment.FUNCTIONAL)
    void case2() {
    }

    @Provision(id = "T3", level = Level.MANDATORY)
    @TestCase(id = "T3-1", assessment = Assessment.FUNCTIONAL)
    void case3() {
    }

    @Provision(id = "T4", level = Level.MANDATORY)
    @TestCase(id = "T4-1", assessment = Assessment.FUNCTIONAL)
    void case4() {
    }

    @Provision(id = "T5", level = Level.MANDATORY)
    @TestCase(id = "T5-1", assessment = Assessment.FUNCTIONAL)
    void case5() {
    }

    @Provision(id = "T6", level = Level.MANDATORY)
    @TestCase(id = "T6-1", assessment = Assessment.FUNCTIONAL)
    void case6() {
    }

    @Provision(id = "T7", level = Level.MANDATORY)
    @TestCase(id = "T7-1", assessment = Assessment.FUNCTIONAL)
    void case7() {
    }

    @Provision(id = "T8", level = Level.MANDATORY)
    @TestCase(id = "T8-1", assessment = Assessment.FUNCTIONAL)
    void case8() {
    }

    @Provision(id = "T9", level = Level.MANDATORY)
    @TestCase(id = "T9-1", assessment = Assessment.FUNCTIONAL)
    void case9() {
    }

    @Provision(id = "T10", level = Level.MANDATORY)
    @TestCase(id = "T10-1", assessment = Assessment.FUNCTIONAL)
    void case10() {
    }

    @Provision(id = "T11", level = Level.MANDATORY)
    @TestCase(id = "T11-1", assessment = Assessment.FUNCTIONAL)
    void case11() {
    }

    @Provision(id = "T12", level = Level.MANDATORY)
    @TestCase(id = "T12-1", assessment = Assessment.FUNCTIONAL)
    void case12() {
    }

    @Provision(id = "T13", level = Level.MANDATORY)
    @TestCase(id = "T13-1", assessment = Assessment.FUNCTIONAL)
    void case13() {
    }

    @Provision(id = "T14", level = Level.MANDATORY)
    @TestCase(id = "T14-1", assessment = Assessment.FUNCTIONAL)
    void case14() {
    }

    @Provision(id = "T15", level = Level.MANDATORY)
    @TestCase(id = "T15-1", assessment = Assessment.FUNCTIONAL)
    void case15() {
    }

    @Provision(id = "T16", level = Level.MANDATORY)
    @TestCase(id = "T16-1", assessment = Assessment.FUNCTIONAL)
    void case16() {
    }

    @Provision(id = "T17", level = Level.MANDATORY)
    @TestCase(id = "T17-1", assessment = Assessment.FUNCTIONAL)
    void case17() {
    }

    @Provision(id = "T18", level = Level.MANDATORY)
    @TestCase(id = "T18-1", assessment = Assessment.FUNCTIONAL)
    void case18() {
    }

    @Provision(id = "T19", level = Level.MANDATORY)
    @TestCase(id = "T19-1", assessment = Assessment.FUNCTIONAL)
    void case19() {
    }

    @Provision(id = "T20", level = Level.MANDATORY)
    @TestCase(id = "T20-1", assessment = Assessment.FUNCTIONAL)
    void case20() {
    }

    @Provision(id = "T21", level = Level.MANDATORY)
    @TestCase(id = "T21-1", assessment = Assessment.FUNCTIONAL)
    void case21() {
    }

    @Provision(id = "T22", level = Level.MANDATORY)
    @TestCase(id = "T22-1", assessment = Assessment.FUNCTIONAL)
    void case22() {
    }

    @Provision(id = "T23", level = Level.MANDATORY)
    @TestCase(id = "T23-1", assessment = Assessment.FUNCTIONAL)
    void case23() {
    }

    @Provision(id = "T24", level = Level.MANDATORY)
    @TestCase(id = "T24-1", assessment = Assessment.FUNCTIONAL)
    void case24() {
    }

    @Provision(id = "T25", level = Level.MANDATORY)
    @TestCase(id = "T25-1", assessment = Assessment.FUNCTIONAL)
    void case25() {
    }

    @Provision(id = "T26", level = Level.MANDATORY)
    @TestCase(id = "T26-1", assessment = Assessment.FUNCTIONAL)
    void case26() {
    }

    @Provision(id = "T27", level = Level.MANDATORY)
    @TestCase(id = "T27-1", assessment = Assessment.FUNCTIONAL)
    void case27() {
    }

    @Provision(id = "T28", level = Level.MANDATORY)
    @TestCase(id = "T28-1", assessment = Assessment.FUNCTIONAL)
    void case28() {
    }

    @Provision(id = "T29", level = Level.MANDATORY)
    @TestCase(id = "T29-1", assessment = Assessment.FUNCTIONAL)
    void case29() {
    }

    @Provision(id = "T30", level = Level.MANDATORY)
    @TestCase(id = "T30-1", assessment = Assessment.FUNCTIONAL)
    void case30() {
    }

    @Provision(id = "T31", level = Level.MANDATORY)
    @TestCase(id = "T31-1", assessment = Assessment.FUNCTIONAL)
    void case31() {
    }

    @Provision(id = "T32", level = Level.MANDATORY)
    @TestCase(id = "T32-1", assessment = Assessment.FUNCTIONAL)
    void case32() {
    }

    @Provision(id = "T33", level = Level.MANDATORY)
    @TestCase(id = "T33-1", assessment = Assessment.FUNCTIONAL)
    void case33() {
    }

    @Provision(id = "T34", level = Level.MANDATORY)
    @TestCase(id = "T34-1", assessment = Assessment.FUNCTIONAL)
    void case34() {
    }

    @Provision(id = "T35", level = Level.MANDATORY)
    @TestCase(id = "T35-1", assessment = Assessment.FUNCTIONAL)
    void case35() {
    }

    @Provision(id = "T36", level = Level.MANDATORY)
    @TestCase(id = "T36-1", assessment = Assessment.FUNCTIONAL)
    void case36() {
    }

    @Provision(id = "T37", level = Level.MANDATORY)
    @TestCase(id = "T37-1", assessment = Assessment.FUNCTIONAL)
    void case37() {
    }

    @Provision(id = "T38", level = Level.MANDATORY)
    @TestCase(id = "T38-1", assessment = Assessment.FUNCTIONAL)
    void case38() {
    }

    @Provision(id = "T39", level = Level.MANDATORY)
    @TestCase(id = "T39-1", assessment = Assessment.FUNCTIONAL)
    void case39() {
    }

    @Provision(id = "T40", level = Level.MANDATORY)
    @TestCase(id = "T40-1", assessment = Assessment.FUNCTIONAL)
    void case40() {
    }

    @Provision(id = "T41", level = Level.MANDATORY)
    @TestCase(id = "T41-1", assessment = Assessment.FUNCTIONAL)
    void case41() {
    }

    @Provision(id = "T42", level = Level.MANDATORY)
    @TestCase(id = "T42-1", assessment = Assessment.FUNCTIONAL)
    void case42() {
    }

    @Provision(id = "T43", level = Level.MANDATORY)
    @TestCase(id = "T43-1", assessment = Assessment.FUNCTIONAL)
    void case43() {
    }

    @Provision(id = "T44", level = Level.MANDATORY)
    @TestCase(id = "T44-1", assessment = Assessment.FUNCTIONAL)
    void case44() {
    }

    @Provision(id = "T45", level = Level.MANDATORY)
    @TestCase(id = "T45-1", assessment = Assessment.FUNCTIONAL)
    void case45() {
    }

    @Provision(id = "T46", level = Level.MANDATORY)
    @TestCase(id = "T46-1", assessment = Assessment.FUNCTIONAL)
    void case46() {
    }

    @Provision(id = "T47", level = Level.MANDATORY)
    @TestCase(id = "T47-1", assessment = Assessment.FUNCTIONAL)
    void case47() {
    }

    @Provision(id = "T48", level = Level.MANDATORY)
    @TestCase(id = "T48-1", assessment = Assessment.FUNCTIONAL)
    void case48() {
    }

    @Provision(id = "T49", level = Level.MANDATORY)
    @TestCase(id = "T49-1", assessment = Assessment.FUNCTIONAL)
    void case49() {
    }

    @Provision(id = "T50", level = Level.MANDATORY)
    @TestCase(id = "T50-1", assessment = Assessment.FUNCTIONAL)
    void case50() {
    }

    @Provision(id = "T51", level = Level.MANDATORY)
    @TestCase(id = "T51-1", assessment = Assessment.FUNCTIONAL)
    void case51() {
    }

    @Provision(id = "T52", level = Level.MANDATORY)
    @TestCase(id = "T52-1", assessment = Assessment.FUNCTIONAL)
    void case52() {
    }

    @Provision(id = "T53", level = Level.MANDATORY)
    @TestCase(id = "T53-1", assessment = Assessment.FUNCTIONAL)
    void case53() {
    }

    @Provision(id = "T54", level = Level.MANDATORY)
    @TestCase(id = "T54-1", assessment = Assessment.FUNCTIONAL)
    void case54() {
    }

    @Provision(id = "T55", level = Level.MANDATORY)
    @TestCase(id = "T55-1", assessment = Assessment.FUNCTIONAL)
    void case55() {
    }

    @Provision(id = "T56", level = Level.MANDATORY)
    @TestCase(id = "T56-1", assessment = Assessment.FUNCTIONAL)
    void case56() {
    }

    @Provision(id = "T57", level = Level.MANDATORY)
    @TestCase(id = "T57-1", assessment = Assessment.FUNCTIONAL)
    void case57() {
    }

    @Provision(id = "T58", level = Level.MANDATORY)
    @TestCase(id = "T58-1", assessment = Assessment.FUNCTIONAL)
    void case58() {
    }

    @Provision(id = "T59", level = Level.MANDATORY)
    @TestCase(id = "T59-1", assessment = Assessment.FUNCTIONAL)
    void case59() {
    }

    @Provision(id = "T60", level = Level.MANDATORY)
    @TestCase(id = "T60-1", assessment = Assessment.FUNCTIONAL)
    void case60() {
    }

    @Provision(id = "T61", level = Level.MANDATORY)
    @TestCase(id = "T61-1", assessment = Assessment.FUNCTIONAL)
    void case61() {
    }

    @Provision(id = "T62", level = Level.MANDATORY)
    @TestCase(id = "T62-1", assessment = Assessment.FUNCTIONAL)
    void case62() {
    }

    @Provision(id = "T63", level = Level.MANDATORY)
    @TestCase(id = "T63-1", assessment = Assessment.FUNCTIONAL)
    void case63() {
    }

    @Provision(id = "T64", level = Level.MANDATORY)
    @TestCase(id = "T64-1", assessment = Assessment.FUNCTIONAL)
    void case64() {
    }

    @Provision(id = "T65", level = Level.MANDATORY)
    @TestCase(id = "T65-1", assessment = Assessment.FUNCTIONAL)
    void case65() {
    }

    @Provision(id = "T66", level = Level.MANDATORY)
    @TestCase(id = "T66-1", assessment = Assessment.FUNCTIONAL)
    void case66() {
    }

    @Provision(id = "T67", level = Level.MANDATORY)
    @TestCase(id = "T67-1", assessment = Assessment.FUNCTIONAL)
    void case67() {
    }

    @Provision(id = "T68", level = Level.MANDATORY)
    @TestCase(id = "T68-1", assessment = Assessment.FUNCTIONAL)
    void case68() {
    }

    @Provision(id = "T69", level = Level.MANDATORY)
    @TestCase(id = "T69-1", assessment = Assessment.FUNCTIONAL)
    void case69() {
    }

    @Provision(id = "T70", level = Level.MANDATORY)
    @TestCase(id = "T70-1", assessment = Assessment.FUNCTIONAL)
    void case70() {
    }

    @Provision(id = "T71", level = Level.MANDATORY)
    @TestCase(id = "T71-1", assessment = Assessment.FUNCTIONAL)
    void case71() {
    }

    @Provision(id = "T72", level = Level.MANDATORY)
    @TestCase(id = "T72-1", assessment = Assessment.FUNCTIONAL)
    void case72() {
    }

    @Provision(id = "T73", level = Level.MANDATORY)
    @TestCase(id = "T73-1", assessment = Assessment.FUNCTIONAL)
    void case73() {
    }

    @Provision(id = "T74", level = Level.MANDATORY)
    @TestCase(id = "T74-1", assessment = Assessment.FUNCTIONAL)
    void case74() {
    }

    @Provision(id = "T75", level = Level.MANDATORY)
    @TestCase(id = "T75-1", assessment = Assessment.FUNCTIONAL)
    void case75() {
    }

    @Provision(id = "T76", level = Level.MANDATORY)
    @TestCase(id = "T76-1", assessment = Assessment.FUNCTIONAL)
    void case76() {
    }

    @Provision(id = "T77", level = Level.MANDATORY)
    @TestCase(id = "T77-1", assessment = Assessment.FUNCTIONAL)
    void case77() {
    }

    @Provision(id = "T78", level = Level.MANDATORY)
    @TestCase(id = "T78-1", assessment = Assessment.FUNCTIONAL)
    void case78() {
    }

    @Provision(id = "T79", level = Level.MANDATORY)
    @TestCase(id = "T79-1", assessment = Assessment.FUNCTIONAL)
    void case79() {
    }

    @Provision(id = "T80", level = Level.MANDATORY)
    @TestCase(id = "T80-1", assessment = Assessment.FUNCTIONAL)
    void case80() {
    }

    @Provision(id = "T81", level = Level.MANDATORY)
    @TestCase(id = "T81-1", assessment = Assessment.FUNCTIONAL)
    void case81() {
    }

    @Provision(id = "T82", level = Level.MANDATORY)
    @TestCase(id = "T82-1", assessment = Assessment.FUNCTIONAL)
    void case82() {
    }

    @Provision(id = "T83", level = Level.MANDATORY)
    @TestCase(id = "T83-1", assessment = Assessment.FUNCTIONAL)
    void case83() {
    }

    @Provision(id = "T84", level = Level.MANDATORY)
    @TestCase(id = "T84-1", assessment = Assessment.FUNCTIONAL)
    void case84() {
    }

    @Provision(id = "T85", level = Level.MANDATORY)
    @TestCase(id = "T85-1", assessment = Assessment.FUNCTIONAL)
    void case85() {
    }

    @Provision(id = "T86", level = Level.MANDATORY)
    @TestCase(id = "T86-1", assessment = Assessment.FUNCTIONAL)
    void case86() {
    }

    @Provision(id = "T87", level = Level.MANDATORY)
    @TestCase(id = "T87-1", assessment = Assessment.FUNCTIONAL)
    void case87() {
    }

    @Provision(id = "T88", level = Level.MANDATORY)
    @TestCase(id = "T88-1", assessment = Assessment.FUNCTIONAL)
    void case88() {
    }

    @Provision(id = "T89", level = Level.MANDATORY)
    @TestCase(id = "T89-1", assessment = Assessment.FUNCTIONAL)
    void case89() {
    }

    @Provision(id = "T90", level = Level.MANDATORY)
    @TestCase(id = "T90-1", assessment = Assessment.FUNCTIONAL)
    void case90() {
    }

    @Provision(id = "T91", level = Level.MANDATORY)
    @TestCase(id = "T91-1", assessment = Assessment.FUNCTIONAL)
    void case91() {
    }

    @Provision(id = "T92", level = Level.MANDATORY)
    @TestCase(id = "T92-1", assessment = Assessment.FUNCTIONAL)
    void case92() {
    }

    @Provision(id = "T93", level = Level.MANDATORY)
    @TestCase(id = "T93-1", assessment = Assessment.FUNCTIONAL)
    void case93() {
    }

    @Provision(id = "T94", level = Level.MANDATORY)
    @TestCase(id = "T94-1", assessment = Assessment.FUNCTIONAL)
    void case94() {
    }

    @Provision(id = "T95", level = Level.MANDATORY)
    @TestCase(id = "T95-1", assessment = Assessment.FUNCTIONAL)
    void case95() {
    }

    @Provision(id = "T96", level = Level.MANDATORY)
    @TestCase(id = "T96-1", assessment = Assessment.FUNCTIONAL)
    void case96() {
    }

    @Provision(id = "T97", level = Level.MANDATORY)
    @TestCase(id = "T97-1", assessment = Assessment.FUNCTIONAL)
    void case97() {
    }

    @Provision(id = "T98", level = Level.MANDATORY)
    @TestCase(id = "T98-1", assessment = Assessment.FUNCTIONAL)
    void case98() {
    }

    @Provision(id = "T99", level = Level.MANDATORY)
    @TestCase(id = "T99-1", assessment = Assessment.FUNCTIONAL)
    void case99() {
    }

    @Provision(id = "T100", level = Level.MANDATORY)
    @TestCase(id = "T100-1", assessment = Assessment.FUNCTIONAL)
    void case100() {
    }
}
