// The verification orchestration lives in Kakao.Verification (shared with Automation API programs); every part
// of the tool speaks its types.
global using Kakao.Verification;
global using Kakao.Verification.Pulumi;
global using Kakao.Verification.Stack;
