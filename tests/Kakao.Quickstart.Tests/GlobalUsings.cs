global using Kakao.Verification;
global using Kakao.Verification.Pulumi;
global using Kakao.Verification.Stack;
