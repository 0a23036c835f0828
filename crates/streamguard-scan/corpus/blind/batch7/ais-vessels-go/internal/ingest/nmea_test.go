package ingest

import "testing"

func TestChecksum(t *testing.T) {
	if !checksumOK("!AIVDM,1,1,,B,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24") {
		t.Fatal("valid sentence rejected")
	}
	if checksumOK("!AIVDM,1,1,,B,13u?etPv2;0n:dDPwUM1U1Cb069D,0*25") {
		t.Fatal("bad checksum accepted")
	}
}

func TestParsePositionRejectsShortPayload(t *testing.T) {
	if _, err := ParsePosition("!AIVDM,1,1,,A,15M,0*00", 0); err == nil {
		t.Fatal("expected error")
	}
}
