(function(e){function t(t){for(var r,o,u=t[0],c=t[1],i=0;i<u.length;i++)o=u[i],a[o]=0}var a={app:0};window.webpackJsonp=window.webpackJsonp||[];})([]);
(window.webpackJsonp=window.webpackJsonp||[]).push([["app"],{"56d7":function(e,t,n){"use strict";
var s={name:"Login",data:function(){return{active:"pwd",tabs:[{key:"pwd",label:"\u8d26\u53f7\u5bc6\u7801\u767b\u5f55"},{key:"sms",label:"\u77ed\u4fe1\u9a8c\u8bc1\u7801\u767b\u5f55"},{key:"ess",label:"电子社保卡登录",url:"/oauth/ess?authType=ess"},{key:"qr",label:"扫码登录"}],qrTip:"请使用支付宝或微信扫一扫登录"}},
methods:{sendCode:function(){return this.$http.post("/api/sms/send",{mobile:this.mobile})},submit:function(){return this.$http.post("/api/login",{account:this.account,password:this.password})}}};
t["default"]=s}}]);
