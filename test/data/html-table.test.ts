import { describe, expect, it } from 'vitest';
import { htmlTableRows } from '../../src/data/html-table.js';

describe('htmlTableRows', () => {
  it('reads the largest table, leaving the cells a colspan or rowspan covers empty', () => {
    const html = `<table><tr><td>x</td></tr></table>
      <TABLE><TR><TH ROWSPAN=2>地区</TH><TH COLSPAN="2">GDP</TH></TR>
      <tr><th>2021</th><th>2022</th></tr>
      <tr><td>A&amp;B</td><td><b>1</b></td><td>2&nbsp;000</td></tr>
      <tr><td rowspan="2">C</td><td>3</td><td>4</td></tr><tr><td>5</td><td>&#54;</td></tr></TABLE>`;
    expect(htmlTableRows(html)).toEqual([
      ['地区', 'GDP', null],
      [null, '2021', '2022'],
      ['A&B', '1', '2 000'],
      ['C', '3', '4'],
      [null, '5', '6'],
    ]);
    expect(htmlTableRows('<p>no table</p>')).toEqual([]);
  });
});
