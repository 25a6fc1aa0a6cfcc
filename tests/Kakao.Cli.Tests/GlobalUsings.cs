// The verification orchestration under test lives in Kakao.Verification (provider/Kakao.Verification).
global using Kakao.Verification;
global using Kakao.Verification.Pulumi;
global using Kakao.Verification.Stack;
