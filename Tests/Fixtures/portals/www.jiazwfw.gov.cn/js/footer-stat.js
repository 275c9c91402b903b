document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/33/000/0000/60000000/CA330000000600000000001.js' type='text/javascript'%3E%3C/script%3E"));
