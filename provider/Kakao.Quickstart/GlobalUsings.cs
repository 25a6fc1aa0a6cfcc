// The quick start drives the driver's verification library; every part of it speaks its types.
global using Kakao.Verification;
global using Kakao.Verification.Pulumi;
global using Kakao.Verification.Stack;
