package org.certbench.benchmarks.trivial;

import org.junit.jupiter.api.RepeatedTest;

/** 100 methods repeated 100 times: 10,000 trivial JUnit Jupiter tests, the peer of {@link TrivialSuite}. */
public class TrivialJupiterTests {

    @RepeatedTest(100)
    void test1() {
    }

    @RepeatedTest(100)
    void test2() {
    }

    @RepeatedTest(100)
    void test3() {
    }

    @RepeatedTest(100)
    void test4() {
    }

    @RepeatedTest(100)
    void test5() {
    }

    @RepeatedTest(100)
    void test6() {
    }

    @RepeatedTest(100)
    void test7() {
    }

    @RepeatedTest(100)
    void test8() {
    }

    @RepeatedTest(100)
    void test9() {
    }

    @RepeatedTest(100)
    void test10() {
    }

    @RepeatedTest(100)
    void test11() {
    }

    @RepeatedTest(100)
    void test12() {
    }

    @RepeatedTest(100)
    void test13() {
    }

    @RepeatedTest(100)
    void test14() {
    }

    @RepeatedTest(100)
    void test15() {
    }

    @RepeatedTest(100)
    void test16() {
    }

    @RepeatedTest(100)
    void test17() {
    }

    @RepeatedTest(100)
    void test18() {
    }

    @RepeatedTest(100)
    void test19() {
    }

    @RepeatedTest(100)
    void test20() {
    }

    @RepeatedTest(100)
    void test21() {
    }

    @RepeatedTest(100)
    void test22() {
    }

    @RepeatedTest(100)
    void test23() {
    }

    @RepeatedTest(100)
    void test24() {
    }

    @RepeatedTest(100)
    void test25() {
    }

    @RepeatedTest(100)
    void test26() {
    }

    @RepeatedTest(100)
    void test27() {
    }

    @RepeatedTest(100)
    void test28() {
    }

    @RepeatedTest(100)
    void test29() {
    }

    @RepeatedTest(100)
    void test30() {
    }

    @RepeatedTest(100)
    void test31() {
    }

    @RepeatedTest(100)
    void test32() {
    }

    @RepeatedTest(100)
    void test33() {
    }

    @RepeatedTest(100)
    void test34() {
    }

    @RepeatedTest(100)
    void test35() {
    }

    @RepeatedTest(100)
    void test36() {
    }

    @RepeatedTest(100)
    void test37() {
    }

    @RepeatedTest(100)
    void test38() {
    }

    @RepeatedTest(100)
    void test39() {
    }

    @RepeatedTest(100)
    void test40() {
    }

    @RepeatedTest(100)
    void test41() {
    }

    @RepeatedTest(100)
    void test42() {
    }

    @RepeatedTest(100)
    void test43() {
    }

    @RepeatedTest(100)
    void test44() {
    }

    @RepeatedTest(100)
    void test45() {
    }

    @RepeatedTest(100)
    void test46() {
    }

    @RepeatedTest(100)
    void test47() {
    }

    @RepeatedTest(100)
    void test48() {
    }

    @RepeatedTest(100)
    void test49() {
    }

    @RepeatedTest(100)
    void test50() {
    }

    @RepeatedTest(100)
    void test51() {
    }

    @RepeatedTest(100)
    void test52() {
    }

    @RepeatedTest(100)
    void test53() {
    }

    @RepeatedTest(100)
    void test54() {
    }

    @RepeatedTest(100)
    void test55() {
    }

    @RepeatedTest(100)
    void test56() {
    }

    @RepeatedTest(100)
    void test57() {
    }

    @RepeatedTest(100)
    void test58() {
    }

    @RepeatedTest(100)
    void test59() {
    }

    @RepeatedTest(100)
    void test60() {
    }

    @RepeatedTest(100)
    void test61() {
    }

    @RepeatedTest(100)
    void test62() {
    }

    @RepeatedTest(100)
    void test63() {
    }

    @RepeatedTest(100)
    void test64() {
    }

    @RepeatedTest(100)
    void test65() {
    }

    @RepeatedTest(100)
    void test66() {
    }

    @RepeatedTest(100)
    void test67() {
    }

    @RepeatedTest(100)
    void test68() {
    }

    @RepeatedTest(100)
    void test69() {
    }

    @RepeatedTest(100)
    void test70() {
    }

    @RepeatedTest(100)
    void test71() {
    }

    @RepeatedTest(100)
    void test72() {
    }

    @RepeatedTest(100)
    void test73() {
    }

    @RepeatedTest(100)
    void test74() {
    }

    @RepeatedTest(100)
    void test75() {
    }

    @RepeatedTest(100)
    void test76() {
    }

    @RepeatedTest(100)
    void test77() {
    }

    @RepeatedTest(100)
    void test78() {
    }

    @RepeatedTest(100)
    void test79() {
    }

    @RepeatedTest(100)
    void test80() {
    }

    @RepeatedTest(100)
    void test81() {
    }

    @RepeatedTest(100)
    void test82() {
    }

    @RepeatedTest(100)
    void test83() {
    }

    @RepeatedTest(100)
    void test84() {
    }

    @RepeatedTest(100)
    void test85() {
    }

    @RepeatedTest(100)
    void test86() {
    }

    @RepeatedTest(100)
    void test87() {
    }

    @RepeatedTest(100)
    void test88() {
    }

    @RepeatedTest(100)
    void test89() {
    }

    @RepeatedTest(100)
    void test90() {
    }

    @RepeatedTest(100)
    void test91() {
    }

    @RepeatedTest(100)
    void test92() {
    }

    @RepeatedTest(100)
    void test93() {
    }

    @RepeatedTest(100)
    void test94() {
    }

    @RepeatedTest(100)
    void test95() {
    }

    @RepeatedTest(100)
    void test96() {
    }

    @RepeatedTest(100)
    void test97() {
    }

    @RepeatedTest(100)
    void test98() {
    }

    @RepeatedTest(100)
    void test99() {
    }

    @RepeatedTest(100)
    void test100() {
    }
}
