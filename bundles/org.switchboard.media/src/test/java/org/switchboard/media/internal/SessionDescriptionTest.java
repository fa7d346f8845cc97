package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;

public class SessionDescriptionTest {
    private final TemporaryFolder folder = new TemporaryFolder();
    private final MediaServerFixture media = new MediaServerFixture(folder);
    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(media);

    private static final String SOFTPHONE_OFFER = """
            v=0
            o=- 3859 3859 IN IP4 192.0.2.10
            s=softphone
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 49170 RTP/AVP 9 0 8 96 101
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:96 opus/48000/2
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=sendrecv
            """;

    @Test
    public void offerIsParsedWithItsSessionAndMediaLevelLines() throws Exception {
        SessionDescription offer = SessionDescription.parse(SOFTPHONE_OFFER.replace("\n", "\r\n"));
        MediaDescription audio = offer.media().get(0);
        assertEquals("192.0.2.10", offer.connection());
        assertNull(audio.connection());
        assertEquals("192.0.2.10", offer.connectionOf(audio));
        assertEquals(49170, audio.port());
        assertEquals(List.of("9", "0", "8", "96", "101"), audio.formats());
        assertEquals("telephone-event/8000", audio.rtpmaps().get(101));
        assertEquals("0-16", audio.fmtps().get(101));
        assertEquals(20, audio.ptime());
        assertEquals(Direction.SENDRECV, offer.directionOf(audio));
    }

    @Test
    public void answerTakesTheFirstOfferedCodecTheServerSpeaksAndTelephoneEvents() throws Exception {
        MediaLeg leg = media.server().answer("c1", "caller", SOFTPHONE_OFFER);
        SessionDescription answer = SessionDescription.parse(leg.localDescription());
        MediaDescription audio = answer.media().get(0);
        assertEquals(List.of("0", "101"), audio.formats());
        assertEquals("PCMU/8000", audio.rtpmaps().get(0));
        assertEquals("telephone-event/8000", audio.rtpmaps().get(101));
        assertEquals("127.0.0.1", answer.connectionOf(audio));
        assertEquals(Direction.SENDRECV, answer.directionOf(audio));
        assertTrue("an even port of the range", audio.port() >= 40000 && audio.port() <= 40999 && audio.port() % 2 == 0);
        assertEquals("PCMU", leg.statistics().codec());
    }

    @Test
    public void pcmaOnlyOfferIsAnsweredWithPcma() throws Exception {
        MediaLeg leg = media.server().answer("c1", "caller", RemoteParty.sdpAt(5004, "8"));
        MediaDescription audio = SessionDescription.parse(leg.localDescription()).media().get(0);
        assertEquals(List.of("8"), audio.formats());
        assertEquals("PCMA/8000", audio.rtpmaps().get(8));
        assertEquals("PCMA", leg.statistics().codec());
    }

    @Test
    public void dynamicPayloadTypeOfAG711CodecIsAnsweredWithThatType() throws Exception {
        MediaLeg leg = media.server().answer("c1", "caller",
                RemoteParty.sdpAt(5004, "97", "a=rtpmap:97 pcma/8000"));
        MediaDescription audio = SessionDescription.parse(leg.localDescription()).media().get(0);
        assertEquals(List.of("97"), audio.formats());
        assertEquals("PCMA/8000", audio.rtpmaps().get(97));
    }

    @Test
    public void offerWithoutACommonCodecIsRefusedWith488() {
        MediaException refused = refusal(RemoteParty.sdpAt(5004, "18 9", "a=rtpmap:18 G729/8000"));
        assertEquals(488, refused.sipStatus());
        assertTrue(refused.getMessage(), refused.getMessage().contains("no codec in common"));
        assertEquals("nothing left open", 0, media.server().openLegs());
    }

    @Test
    public void malformedSdpIsRefusedWith488SayingWhatIsWrong() {
        assertRefused("", "empty");
        assertRefused("INVITE sip:4000@example.com SIP/2.0\r\n", "is not <type>=<value>");
        assertRefused("o=- 1 1 IN IP4 1.2.3.4\r\nv=0\r\n", "must begin with v=0");
        assertRefused("v=0\r\nc=IN IP4 1.2.3.4\r\n", "no media");
        assertRefused(RemoteParty.sdpAt(5004, "0").replace("m=audio 5004", "m=audio 70000"), "m= port '70000'");
        assertRefused(RemoteParty.sdpAt(5004, "0").replace("c=IN IP4 127.0.0.1", "c=IN IP4 media.example.com"),
                "not an IP address");
        assertRefused(RemoteParty.sdpAt(5004, "0").replace("c=IN IP4 127.0.0.1\r\n", ""), "no connection");
        assertRefused(RemoteParty.sdpAt(0, "0"), "no RTP/AVP audio stream");
        assertRefused(RemoteParty.sdpAt(5004, "0").replace("RTP/AVP", "RTP/SAVP"), "no RTP/AVP audio stream");
        assertRefused(RemoteParty.sdpAt(5004, "0", "a=rtpmap:x PCMU/8000"), "payload type 'x'");
        assertEquals(0, media.server().openLegs());
    }

    @Test
    public void otherStreamsOfTheOfferAreRefusedWithPortZeroInTheirPlace() throws Exception {
        String videoThenAudio = RemoteParty.sdpAt(5004, "0").replace("m=audio",
                "m=video 5006 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio");
        SessionDescription answer = SessionDescription.parse(
                media.server().answer("c1", "caller", videoThenAudio).localDescription());
        assertEquals(2, answer.media().size());
        assertEquals("video", answer.media().get(0).type());
        assertEquals(0, answer.media().get(0).port());
        assertTrue(answer.media().get(1).isRtpAudio());
    }

    @Test
    public void holdAndUnholdReoffersAreAnsweredAndReported() throws Exception {
        MediaLeg leg = media.server().answer("c1", "agent", RemoteParty.sdpAt(5004, "0 101",
                "a=rtpmap:101 telephone-event/8000"));
        assertFalse(leg.remoteHolds());
        long firstVersion = originVersion(leg.localDescription());

        String held = leg.reoffered(RemoteParty.sdpAt(5004, "0 101", "a=rtpmap:101 telephone-event/8000",
                "a=sendonly"));
        assertTrue(leg.remoteHolds());
        assertEquals(Direction.RECVONLY, directionOf(held));
        assertEquals(firstVersion + 1, originVersion(held));

        String inactive = leg.reoffered(RemoteParty.sdpAt(5004, "0").replace("t=0 0", "t=0 0\r\na=inactive"));
        assertTrue(leg.remoteHolds());
        assertEquals("session-level direction applies", Direction.INACTIVE, directionOf(inactive));

        String resumed = leg.reoffered(RemoteParty.sdpAt(5004, "0", "a=sendrecv"));
        assertFalse(leg.remoteHolds());
        assertEquals(Direction.SENDRECV, directionOf(resumed));
        assertEquals(firstVersion + 3, originVersion(resumed));
        assertEquals(resumed, leg.localDescription());
    }

    @Test
    public void oldStyleHoldWithAddressZeroIsHoldToo() throws Exception {
        MediaLeg leg = media.server().answer("c1", "agent", RemoteParty.sdpAt(5004, "0"));
        String answer = leg.reoffered(RemoteParty.sdpAt(5004, "0").replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0"));
        assertTrue(leg.remoteHolds());
        assertEquals(Direction.RECVONLY, directionOf(answer));
    }

    @Test
    public void reofferWithoutACommonCodecIsRefusedAndTheCallKeepsItsCodec() throws Exception {
        MediaLeg leg = media.server().answer("c1", "agent", RemoteParty.sdpAt(5004, "8"));
        try {
            leg.reoffered(RemoteParty.sdpAt(5004, "18"));
            fail("accepted G.729");
        } catch (MediaException e) {
            assertEquals(488, e.sipStatus());
        }
        assertEquals("PCMA", leg.statistics().codec());
    }

    @Test
    public void serversOfferHasBothLawsAndTelephoneEventsAndTheAnswerChoosesTheCodec() throws Exception {
        MediaLeg leg = media.server().offer("c1", "1001");
        MediaDescription offered = SessionDescription.parse(leg.localDescription()).media().get(0);
        assertEquals(List.of("0", "8", "101"), offered.formats());
        assertEquals(Map.of(0, "PCMU/8000", 8, "PCMA/8000", 101, "telephone-event/8000"), offered.rtpmaps());
        assertEquals("0-15", offered.fmtps().get(101));
        assertEquals("", leg.statistics().codec());

        leg.answered(RemoteParty.sdpAt(5004, "8 101", "a=rtpmap:101 telephone-event/8000"));
        assertEquals("PCMA", leg.statistics().codec());
        try {
            leg.answered(RemoteParty.sdpAt(5004, "18"));
            fail("accepted an answer with a codec that was not offered");
        } catch (MediaException e) {
            assertEquals(488, e.sipStatus());
        }
    }

    @Test
    public void telephoneEventsThatLeaveOutDtmfKeysAreNotTaken() {
        assertTrue(SdpNegotiation.coversDtmf(null));
        assertTrue(SdpNegotiation.coversDtmf("0-15"));
        assertTrue(SdpNegotiation.coversDtmf("0-11,12,13,14-15,16"));
        assertFalse(SdpNegotiation.coversDtmf("0-11"));
        assertFalse(SdpNegotiation.coversDtmf("16"));
    }

    private MediaException refusal(String offer) {
        try {
            media.server().answer("c1", "caller", offer);
        } catch (MediaException e) {
            return e;
        }
        throw new AssertionError("accepted: " + offer);
    }

    private void assertRefused(String offer, String reason) {
        MediaException refused = refusal(offer);
        assertEquals(488, refused.sipStatus());
        assertTrue(refused.getMessage(), refused.getMessage().contains(reason));
    }

    private static long originVersion(String sdp) {
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("o=")) {
                return Long.parseLong(line.split(" ")[2]);
            }
        }
        throw new AssertionError("no o= line in " + sdp);
    }

    private static Direction directionOf(String sdp) throws Exception {
        SessionDescription description = SessionDescription.parse(sdp);
        return description.directionOf(description.media().get(0));
    }
}
